#include "judge/package/package_zip.h"

#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <vector>

#include "judge/error.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipCloser>;

std::string ZipError(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

// An entry's path, made safe: relative, no "..", no empty or "." parts hiding either.
bool SafePath(const std::string& name, fs::path* out) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos) return false;
  fs::path path;
  for (const auto& part : fs::path(name)) {
    if (part == ".." || part.has_root_name() || part.has_root_directory()) return false;
    if (part.empty() || part == ".") continue;
    path /= part;
  }
  *out = path;
  return !path.empty();
}

bool IsSymlink(zip_t* archive, zip_uint64_t index) {
  zip_uint8_t opsys = 0;
  zip_uint32_t attributes = 0;
  if (zip_file_get_external_attributes(archive, index, 0, &opsys, &attributes) != 0) return false;
  return opsys == ZIP_OPSYS_UNIX && S_ISLNK(attributes >> 16);
}

struct Entry {
  zip_uint64_t index;
  fs::path path;
  bool directory;
};

// Checks every entry before anything is written, so a refused archive leaves nothing behind.
bool ListEntries(zip_t* archive, const std::string& shown, std::vector<Entry>* out,
                 std::string* err) {
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  uint64_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    if (zip_stat_index(archive, i, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_NAME))
      return Fail(shown + ": entry " + std::to_string(i) + ": unreadable", err);
    const std::string name = stat.name;
    fs::path path;
    if (!SafePath(name, &path))
      return Fail(shown + ": " + name + ": a path outside the package (refused)", err);
    if (IsSymlink(archive, i))
      return Fail(shown + ": " + name + ": a symbolic link (refused)", err);
    total += (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
    if (total > kMaxUnpackedBytes)
      return Fail(shown + ": more than " + std::to_string(kMaxUnpackedBytes >> 30) +
                      " GiB unpacked (refused)",
                  err);
    out->push_back({zip_uint64_t(i), path, name.back() == '/'});
  }
  return true;
}

bool Extract(zip_t* archive, const Entry& entry, const fs::path& file, const std::string& shown,
             std::string* err) {
  const std::string where = shown + ": " + entry.path.string();
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  zip_file_t* in = zip_fopen_index(archive, entry.index, 0);
  if (!in) return Fail(where + ": cannot read: " + zip_strerror(archive), err);
  std::ofstream out(file, std::ios::binary);
  std::vector<char> buffer(1 << 16);
  zip_int64_t n = 0;
  while ((n = zip_fread(in, buffer.data(), buffer.size())) > 0) out.write(buffer.data(), n);
  zip_fclose(in);
  if (n < 0) return Fail(where + ": cannot read: corrupt entry", err);
  if (!out) return Fail(where + ": cannot write " + file.string(), err);
  return true;
}

}  // namespace

bool UnpackZip(const fs::path& zip, const fs::path& dest, std::string* err) {
  const std::string shown = zip.filename().string();
  int code = 0;
  ZipArchive archive(zip_open(zip.c_str(), ZIP_RDONLY, &code));
  if (!archive) return Fail(shown + ": not a readable zip archive: " + ZipError(code), err);
  std::vector<Entry> entries;
  if (!ListEntries(archive.get(), shown, &entries, err)) return false;
  for (const Entry& entry : entries) {
    std::error_code ec;
    if (entry.directory) {
      fs::create_directories(dest / entry.path, ec);
      if (ec) return Fail(shown + ": " + entry.path.string() + ": " + ec.message(), err);
    } else if (!Extract(archive.get(), entry, dest / entry.path, shown, err)) {
      return false;
    }
  }
  return true;
}

bool PackZip(const fs::path& folder, const fs::path& zip, std::string* err) {
  int code = 0;
  ZipArchive archive(zip_open(zip.c_str(), ZIP_CREATE | ZIP_EXCL, &code));
  if (!archive) return Fail(zip.string() + ": cannot create: " + ZipError(code), err);
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(folder, ec))
    if (entry.is_regular_file()) files.push_back(entry.path());
  if (ec) return Fail(folder.string() + ": " + ec.message(), err);
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const std::string name = fs::relative(file, folder.parent_path()).generic_string();
    zip_source_t* source = zip_source_file(archive.get(), file.c_str(), 0, -1);
    if (!source || zip_file_add(archive.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      if (source) zip_source_free(source);
      return Fail(zip.string() + ": cannot add " + name + ": " + zip_strerror(archive.get()), err);
    }
  }
  if (zip_close(archive.get()) != 0)
    return Fail(zip.string() + ": cannot write: " + zip_strerror(archive.get()), err);
  archive.release();
  return true;
}

}  // namespace judge
