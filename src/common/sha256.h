// SHA-256 (OpenSSL), hex-encoded. Thread-safe.
#ifndef DYAD_COMMON_SHA256_H_
#define DYAD_COMMON_SHA256_H_

#include <string>
#include <string_view>

namespace dyad {

std::string Sha256Hex(std::string_view bytes);

// Incremental form for data read in pieces (dictionary sets, streamed files).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view bytes);
  std::string HexDigest();  // finishes; call once

 private:
  void* ctx_;  // EVP_MD_CTX
};

}  // namespace dyad

#endif  // DYAD_COMMON_SHA256_H_
