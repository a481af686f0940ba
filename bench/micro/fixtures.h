// Realistic inputs shared by the micro-benchmarks: a bilingual person, an active licence, a vehicle,
// and a fixed "today", so that every run measures the same work.
#pragma once
#include <chrono>
#include <string>

#include "app/licensing_service.h"
#include "core/date.h"
#include "domain/people/person.h"
#include "domain/vehicles/vehicles.h"

namespace dvld::bench {

inline core::Date Today() { return *core::Date::Parse("2026-11-28"); }

inline core::SysTime At(int days_before_today) {
  return core::SysTime(std::chrono::sys_days(Today().days() - std::chrono::days{days_before_today}));
}

// A Jordanian citizen with all three names in both scripts, a hyphenated family name, hamza and
// taa marbuta (what NormaliseName folds), a local mobile number and an e-mail address.
inline domain::Person SamplePerson() {
  domain::Person p;
  p.id = 48213;
  p.national_no = "9861045237";
  p.first_name_ar = "أحمد";
  p.second_name_ar = "محمود";
  p.third_name_ar = "عبد الله";
  p.last_name_ar = "العبادي";
  p.first_name_en = "Ahmad";
  p.second_name_en = "Mahmoud";
  p.third_name_en = "Abdullah";
  p.last_name_en = "Al-Abbadi";
  p.date_of_birth = "1986-03-14";
  p.gender = "male";
  p.nationality_code = "JO";
  p.address = "Building 12, Al-Jandaweel Street, Amman";
  p.phone = "+962791234567";
  p.email = "ahmad.abbadi@example.jo";
  p.has_photo = true;
  p.created_at = At(400);
  p.updated_at = At(30);
  return p;
}

// What a registration form sends before validation: a locally written phone, upper-case e-mail domain.
inline domain::PersonData SamplePersonInput() {
  domain::PersonData p = SamplePerson();
  p.phone = "079 123-4567";
  p.email = "ahmad.abbadi@EXAMPLE.JO";
  return p;
}

// An active ordinary (class 3) licence as the repository returns it, joined names included.
inline app::LicenseRecord SampleLicense() {
  app::LicenseRecord l;
  l.id = 120934;
  l.number = "DL-00120934";
  l.driver_id = 88412;
  l.person_id = 48213;
  l.license_class_id = 3;
  l.application_id = 301877;
  l.issue_date = "2022-06-01";
  l.expiry_date = "2027-06-01";
  l.issue_reason = "first-time";
  l.created_by = 7;
  l.created_at = At(1641);
  l.person_name_en = "Ahmad Mahmoud Abdullah Al-Abbadi";
  l.person_name_ar = "أحمد محمود عبد الله العبادي";
  return l;
}

inline domain::LicenseFacts SampleLicenseFacts() {
  domain::LicenseFacts f;
  f.class_id = 3;
  f.issue_date = *core::Date::Parse("2022-06-01");
  f.expiry_date = *core::Date::Parse("2027-06-01");
  return f;
}

// A Ford (North American, so the check digit is verified) with a valid VIN.
inline domain::VehicleData SampleVehicle() {
  domain::VehicleData v;
  v.vin = "1fahp3f27cl123456";  // lower case on purpose: CheckVin upper-cases
  v.make = "Ford";
  v.model = "Focus";
  v.color = "White";
  v.fuel = "petrol";
  v.category = "private";
  v.year = 2012;
  v.engine_cc = 1999;
  v.seats = 5;
  v.weight_kg = 1300;
  v.owner_person_id = 48213;
  return v;
}

}  // namespace dvld::bench
