# Every dependency is a Debian package installed by scripts/setup.sh.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(OpenSSL REQUIRED)              # SHA-256 of document bytes
find_package(ICU REQUIRED COMPONENTS uc i18n data)  # UTF-8 validation, NFC
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)  # HTML5 parsing
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)  # PDF text
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)  # RSS and Atom feeds
# cpp-httplib for `dyad serve`: Debian builds it as a library (libcpp-httplib.so) whose
# pkg-config file also carries the feature macros the header must be compiled with.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)  # the PostgreSQL store (libpq inside)
pkg_check_modules(TOMLPP QUIET IMPORTED_TARGET tomlplusplus)
if(DYAD_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(DYAD_BUILD_BENCH)
  find_package(benchmark QUIET)
  if(NOT benchmark_FOUND)
    set(DYAD_BUILD_BENCH OFF)
  endif()
endif()
