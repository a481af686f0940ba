// Canonical JSON snapshots of records for the audit trail's before/after (never secrets: no
// password hashes, no key hashes).
#pragma once
#include <string>

#include "app/ports/store.h"

namespace dvld::app {

std::string Snapshot(const domain::PersonData& p);
std::string Snapshot(const UserRecord& u);
std::string Snapshot(const ApiKeyRecord& k);
std::string Snapshot(const Branch& b);
std::string Snapshot(const LicenseClass& c);
std::string Snapshot(const FeeItem& f);

}  // namespace dvld::app
