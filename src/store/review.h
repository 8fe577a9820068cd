// What a review's correction needs from the CAMEO table (kept out of store.h, which does not
// depend on the write stage's names). Pure function; thread-safe.
#ifndef DYAD_STORE_REVIEW_H_
#define DYAD_STORE_REVIEW_H_

#include "dyad/status.h"
#include "store/store.h"
#include "write/cameo_table.h"

namespace dyad::store {

// Fills a correction's CAMEO values (root, quad class, Goldstein, PLOVER) from `cameo` when it
// gives a code. Error: a code the table does not list ("code: '1999' is not a CAMEO code").
Status CompleteCorrection(const write::CameoTable& cameo, Review* review);

}  // namespace dyad::store

#endif  // DYAD_STORE_REVIEW_H_
