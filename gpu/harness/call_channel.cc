#include "gpu/harness/call_channel.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace judge::gpu {

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) close(fd_);
}

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = other.release();
  }
  return *this;
}

namespace {

// Room for kMaxMessageFds descriptors in one control message, suitably aligned.
union ControlBuffer {
  char bytes[CMSG_SPACE(sizeof(int) * kMaxMessageFds)];
  cmsghdr align;
};

bool Failed(const std::string& why, std::string* err) {
  *err = why;
  return false;
}

}  // namespace

bool CallChannel::Send(const nlohmann::json& body, const std::vector<int>& fds, std::string* err) {
  const std::string text = body.dump();
  if (text.size() > kMaxMessageBytes || fds.size() > kMaxMessageFds)
    return Failed("message too large to send", err);
  iovec data{const_cast<char*>(text.data()), text.size()};
  msghdr message{};
  message.msg_iov = &data;
  message.msg_iovlen = 1;
  ControlBuffer control{};
  if (!fds.empty()) {
    message.msg_control = control.bytes;
    message.msg_controllen = CMSG_SPACE(sizeof(int) * fds.size());
    cmsghdr* header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int) * fds.size());
    std::memcpy(CMSG_DATA(header), fds.data(), sizeof(int) * fds.size());
  }
  ssize_t sent;
  do {
    sent = sendmsg(fd_.get(), &message, MSG_NOSIGNAL);
  } while (sent < 0 && errno == EINTR);
  if (sent != static_cast<ssize_t>(text.size()))
    return Failed(std::string("sending a message: ") + std::strerror(errno), err);
  return true;
}

bool CallChannel::Receive(ChannelMessage* out, std::string* err) {
  err->clear();
  out->fds.clear();
  std::string text(kMaxMessageBytes + 1, '\0');
  iovec data{text.data(), text.size()};
  msghdr message{};
  message.msg_iov = &data;
  message.msg_iovlen = 1;
  ControlBuffer control{};
  message.msg_control = control.bytes;
  message.msg_controllen = sizeof control.bytes;
  ssize_t received;
  do {
    received = recvmsg(fd_.get(), &message, MSG_CMSG_CLOEXEC);
  } while (received < 0 && errno == EINTR);
  if (received < 0) return Failed(std::string("receiving a message: ") + std::strerror(errno), err);
  // Take ownership of every descriptor that came, before anything can refuse the message.
  for (cmsghdr* header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header)) {
    if (header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS) continue;
    const size_t count = (header->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < count; ++i) {
      int fd;
      std::memcpy(&fd, CMSG_DATA(header) + i * sizeof(int), sizeof fd);
      out->fds.emplace_back(fd);
    }
  }
  // The protocol sends no empty message: 0 bytes is the other end gone.
  if (received == 0 && out->fds.empty()) return false;
  std::string why;
  if (message.msg_flags & MSG_CTRUNC) {
    why = "a message carried too many descriptors";
  } else if (received > static_cast<ssize_t>(kMaxMessageBytes) || (message.msg_flags & MSG_TRUNC)) {
    why = "a message longer than 64 KiB";
  } else {
    text.resize(received);
    out->body = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (out->body.is_object()) return true;
    why = "a message that is not one JSON object";
  }
  out->fds.clear();
  return Failed(why, err);
}

}  // namespace judge::gpu
