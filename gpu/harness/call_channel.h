// One end of the socket between the checker and the runner (gpu/PROTOCOL.md, "Two processes"):
// whole JSON messages over a SOCK_SEQPACKET socket, each with the file descriptors it carries
// (SCM_RIGHTS), which is how device memory made by cuMemCreate reaches the other process.
// Pure C++: the checker, the runner and the judge's tests use it alike.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace judge::gpu {

// A descriptor closed when its owner goes.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd();
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_ = -1;
};

struct ChannelMessage {
  nlohmann::json body;        // always an object
  std::vector<UniqueFd> fds;  // what came with it, in order
};

// What one message may hold: the protocol's are a few hundred bytes and at most 8 buffers.
constexpr size_t kMaxMessageBytes = 64 * 1024;
constexpr size_t kMaxMessageFds = 16;

class CallChannel {
 public:
  explicit CallChannel(int fd) : fd_(fd) {}  // takes the descriptor

  // Sends `body` with `fds` (which stay the caller's). False + err when the other end is gone.
  bool Send(const nlohmann::json& body, const std::vector<int>& fds, std::string* err);
  // The next message. False at end of file (*err empty) or when the message breaks the protocol
  // (not one JSON object, too long, too many descriptors: *err says which); descriptors that came
  // with a refused message are closed.
  bool Receive(ChannelMessage* out, std::string* err);

 private:
  UniqueFd fd_;
};

}  // namespace judge::gpu
