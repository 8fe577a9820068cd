// How the store encodes values in rows: shared by the SQLite and PostgreSQL backends so that
// both write, and read back, the same text for the same event. Private to the store stage.
#ifndef DYAD_STORE_ROWS_H_
#define DYAD_STORE_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/event.h"
#include "dyad/status.h"
#include "store/store.h"

namespace dyad::store {

// The tool version recorded with documents and audit entries ("dyad 0.1.0").
inline constexpr const char* kToolVersion = "dyad " DYAD_VERSION;

// Now, as ISO 8601 UTC with milliseconds ("2024-05-01T12:00:00.123Z").
std::string NowIso();
// The smallest string greater than every string starting with `prefix` (byte order).
std::string PrefixEnd(const std::string& prefix);
// events.modality / events.date_precision text back to the enum (unknown: the default).
Modality ParseModality(std::string_view s);
DatePrecision ParsePrecision(std::string_view s);
// events.places: JSON {location, origin, destination}; "" when the event has no place.
std::string PlacesToText(const Event& e);
void PlacesFromText(std::string_view text, Event* e);
// The event_countries rows of an event, each once: the first three characters (code points) of
// its source, target and reporter codes when they have three, and the country of each of its
// places that is not empty (PlacesToText keeps it) when that country is three characters long.
// The rows the v4..v6 insert trigger wrote; since v7 each backend writes them with the event.
std::vector<std::string> EventCountries(const Event& e);
// documents.page_starts: Document::page_starts as a JSON array of code points, "" when the
// document has no pages; reading skips what is not an array of integers.
std::string PageStartsToText(const std::vector<int64_t>& starts);
std::vector<int64_t> PageStartsFromText(std::string_view text);
// events.day: days since 1970-01-01; nullopt for an unknown date.
std::optional<int64_t> DayOf(const Date& d);
// What identifies an event within a document across recodes (sentence and verb span), and
// what it says: ReplaceEvents counts same key + same content as unchanged.
std::string EventKey(const Event& e);
std::string EventContent(const Event& e);
// AddReview's checks before the event is read: a reviewer and a state.
Status CheckReview(const Review& review);
// The review row AddReview stores for `review` of `event` (as stored now): the machine coding,
// the correction normalised (actor codes upper-cased, empty fields the machine's), the time;
// everything but the id. Errors as AddReview's.
Status ReviewOfEvent(const StoredEvent& event, const Review& review, Review* out);
// The audit entry's parameters of a stored review (JSON object text).
std::string ReviewAuditParameters(const Review& review, int64_t document_id);

// A real in its shortest form that reads back as the same double ("-10", "50.45").
std::string FormatReal(double value);
// The LSH band key of band `band` (kMinHashRows values starting at `rows`) in minhash_bands.
int64_t MinHashBandKey(int band, const uint32_t* rows);

}  // namespace dyad::store

#endif  // DYAD_STORE_ROWS_H_
