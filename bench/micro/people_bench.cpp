// People rules (src/domain/people): name normalisation and the search terms written for every
// person, phone normalisation, e-mail check, full validation of a registration, and permissions.
#include <benchmark/benchmark.h>

#include "domain/accounts/role.h"
#include "domain/people/person.h"
#include "fixtures.h"

namespace dvld::bench {
namespace {

// The search box: a Latin name as typed.
void BM_NormaliseName_Latin(benchmark::State& state) {
  std::string name = "Al-Abbadi";
  for (auto _ : state) {
    benchmark::DoNotOptimize(name);
    auto n = domain::NormaliseName(name);
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(BM_NormaliseName_Latin);

// An Arabic name with hamza, taa marbuta and a diacritic: every folding rule fires.
void BM_NormaliseName_Arabic(benchmark::State& state) {
  std::string name = "أُسامة إبراهيم";
  for (auto _ : state) {
    benchmark::DoNotOptimize(name);
    auto n = domain::NormaliseName(name);
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(BM_NormaliseName_Arabic);

// Every normalised word of all eight names: written on each register and name change.
void BM_SearchTerms(benchmark::State& state) {
  domain::PersonData person = SamplePerson();
  for (auto _ : state) {
    benchmark::DoNotOptimize(person);
    auto terms = domain::SearchTerms(person);
    benchmark::DoNotOptimize(terms);
  }
}
BENCHMARK(BM_SearchTerms);

void BM_FullNames(benchmark::State& state) {
  domain::PersonData person = SamplePerson();
  for (auto _ : state) {
    benchmark::DoNotOptimize(person);
    auto ar = domain::FullNameAr(person);
    auto en = domain::FullNameEn(person);
    benchmark::DoNotOptimize(ar);
    benchmark::DoNotOptimize(en);
  }
}
BENCHMARK(BM_FullNames);

void BM_NormalisePhone_Local(benchmark::State& state) {
  std::string phone = "079 123-4567";
  for (auto _ : state) {
    benchmark::DoNotOptimize(phone);
    auto n = domain::NormalisePhone(phone);
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(BM_NormalisePhone_Local);

void BM_NormalisePhone_International(benchmark::State& state) {
  std::string phone = "+962 79 123-4567";
  for (auto _ : state) {
    benchmark::DoNotOptimize(phone);
    auto n = domain::NormalisePhone(phone);
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(BM_NormalisePhone_International);

void BM_IsValidEmail(benchmark::State& state) {
  std::string email = "ahmad.abbadi@example.jo";
  for (auto _ : state) {
    benchmark::DoNotOptimize(email);
    bool ok = domain::IsValidEmail(email);
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(BM_IsValidEmail);

// Copying the person is part of BM_ValidatePerson (validation normalises in place); this is that copy alone.
void BM_PersonData_Copy(benchmark::State& state) {
  domain::PersonData input = SamplePersonInput();
  for (auto _ : state) {
    benchmark::DoNotOptimize(input);
    auto p = input;
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(BM_PersonData_Copy);

// Every rule of a registration: national number, names in both scripts, date of birth, phone, e-mail.
void BM_ValidatePerson(benchmark::State& state) {
  domain::PersonData input = SamplePersonInput();
  const auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(input);
    auto p = input;
    auto ok = domain::ValidatePerson(p, today);
    if (!ok) state.SkipWithError("sample person refused");
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(BM_ValidatePerson);

// A form with four bad fields: the 422 path builds one FieldError (three strings) per field.
void BM_ValidatePerson_Invalid(benchmark::State& state) {
  domain::PersonData input = SamplePersonInput();
  input.national_no = "98610452";
  input.first_name_ar = "Ahmad";
  input.phone = "12345";
  input.email = "ahmad@";
  const auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(input);
    auto p = input;
    auto ok = domain::ValidatePerson(p, today);
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(BM_ValidatePerson_Invalid);

// The permission check every signed-in request makes (a clerk asking for the last permission of its list).
void BM_HasPermission(benchmark::State& state) {
  auto role = domain::Role::kClerk;
  const auto& granted = domain::PermissionsOf(role);
  std::string_view wanted = granted.empty() ? domain::perm::kPeopleRead : granted.back();
  for (auto _ : state) {
    benchmark::DoNotOptimize(role);
    benchmark::DoNotOptimize(wanted);
    bool ok = domain::HasPermission(role, wanted);
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(BM_HasPermission);

}  // namespace
}  // namespace dvld::bench
