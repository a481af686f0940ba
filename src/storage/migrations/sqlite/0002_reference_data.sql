-- Reference data of DOMAIN.md section 2: offices, licence classes, services and their fees, tests.
-- Money in fils (1 JOD = 1000 fils). Administrators may change fees later; these are the starting values.

INSERT INTO branches (id, code, name_ar, name_en, city_ar, city_en) VALUES
  (1, 'AMM', 'الإدارة الرئيسية - عمّان', 'Head Office - Amman', 'عمّان', 'Amman'),
  (2, 'IRB', 'فرع إربد', 'Irbid Branch', 'إربد', 'Irbid'),
  (3, 'ZRQ', 'فرع الزرقاء', 'Zarqa Branch', 'الزرقاء', 'Zarqa'),
  (4, 'AQB', 'فرع العقبة', 'Aqaba Branch', 'العقبة', 'Aqaba');

INSERT INTO license_classes (id, code, name_ar, name_en, minimum_age, validity_years, fee_fils) VALUES
  (1, 'motorcycle-small', 'دراجة نارية صغيرة', 'Small motorcycle', 18, 5, 15000),
  (2, 'motorcycle-heavy', 'دراجة نارية ثقيلة', 'Heavy motorcycle', 21, 5, 30000),
  (3, 'ordinary', 'رخصة قيادة عادية (سيارة)', 'Ordinary driving licence (car)', 18, 10, 20000),
  (4, 'commercial', 'عمومي (تاكسي، ليموزين)', 'Commercial (taxi, limousine)', 21, 10, 200000),
  (5, 'agricultural', 'زراعي (جرارات وآليات)', 'Agricultural (tractors, machinery)', 21, 10, 50000),
  (6, 'bus', 'حافلة صغيرة ومتوسطة', 'Small and medium bus', 21, 10, 250000),
  (7, 'truck', 'شاحنة ومركبة ثقيلة', 'Truck and heavy vehicle', 21, 10, 300000);

INSERT INTO application_types (id, code, name_ar, name_en, fee_fils) VALUES
  (1, 'new-local-license', 'إصدار رخصة قيادة محلية جديدة', 'New local driving licence', 15000),
  (2, 'renew-license', 'تجديد رخصة القيادة', 'Driving licence renewal', 7000),
  (3, 'replace-lost-license', 'بدل فاقد لرخصة القيادة', 'Replacement of a lost licence', 10000),
  (4, 'replace-damaged-license', 'بدل تالف لرخصة القيادة', 'Replacement of a damaged licence', 5000),
  (5, 'release-detained-license', 'فك حجز رخصة القيادة', 'Release of a detained licence', 15000),
  (6, 'international-permit', 'رخصة قيادة دولية', 'International driving permit', 50000),
  (7, 'retake-test', 'إعادة فحص', 'Test retake', 5000),
  (8, 'vehicle-registration', 'تسجيل مركبة لأول مرة', 'First vehicle registration', 25000),
  (9, 'vehicle-renewal', 'تجديد رخصة المركبة السنوية', 'Annual vehicle licence renewal', 20000),
  (10, 'ownership-transfer', 'نقل ملكية مركبة', 'Vehicle ownership transfer', 0),
  (11, 'plate-replacement', 'بدل لوحة', 'Plate replacement', 10000),
  (12, 'vehicle-deregistration', 'شطب مركبة', 'Vehicle deregistration', 5000);

INSERT INTO test_types (id, code, sequence, name_ar, name_en, fee_fils) VALUES
  (1, 'vision', 1, 'فحص النظر', 'Vision test', 10000),
  (2, 'written', 2, 'الفحص النظري', 'Written (theory) test', 20000),
  (3, 'street', 3, 'الفحص العملي', 'Street (practical) test', 35000);
