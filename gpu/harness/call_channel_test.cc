// The checker's and the runner's socket: whole messages, descriptors that arrive usable in
// another process, and refusals that close what came with them.
#include "gpu/harness/call_channel.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

namespace judge::gpu {
namespace {

struct SocketPair {
  SocketPair() {
    int fds[2];
    EXPECT_EQ(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds), 0);
    a = fds[0];
    b = fds[1];
  }
  int a = -1, b = -1;
};

// Sends `bytes` bytes with `fd_count` copies of `fd` on a raw socket, past CallChannel's limits.
void SendRaw(int socket, const std::string& bytes, int fd, size_t fd_count) {
  iovec data{const_cast<char*>(bytes.data()), bytes.size()};
  msghdr message{};
  message.msg_iov = &data;
  message.msg_iovlen = 1;
  std::vector<char> control(CMSG_SPACE(sizeof(int) * fd_count));
  if (fd_count > 0) {
    message.msg_control = control.data();
    message.msg_controllen = control.size();
    cmsghdr* header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int) * fd_count);
    std::vector<int> fds(fd_count, fd);
    std::memcpy(CMSG_DATA(header), fds.data(), sizeof(int) * fd_count);
  }
  ASSERT_EQ(sendmsg(socket, &message, 0), static_cast<ssize_t>(bytes.size()))
      << std::strerror(errno);
}

// Whether every copy of a pipe's write end is closed: its read end then reads end of file.
bool WriteEndClosed(int read_end) {
  fcntl(read_end, F_SETFL, O_NONBLOCK);
  char byte;
  return read(read_end, &byte, 1) == 0;
}

TEST(CallChannelTest, MemoryLentByDescriptorIsWrittenByTheOtherProcess) {
  SocketPair pair;
  const int memory = memfd_create("lent", MFD_CLOEXEC);
  ASSERT_GE(memory, 0);
  ASSERT_EQ(ftruncate(memory, 4096), 0);
  auto* mine =
      static_cast<char*>(mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, memory, 0));
  ASSERT_NE(mine, MAP_FAILED);
  const pid_t child = fork();
  if (child == 0) {
    // The runner's side: map what came, write into it, answer.
    CallChannel channel(pair.b);
    ChannelMessage message;
    std::string err;
    if (!channel.Receive(&message, &err) || message.fds.size() != 1) _exit(2);
    auto* lent = static_cast<char*>(
        mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, message.fds[0].get(), 0));
    if (lent == MAP_FAILED) _exit(3);
    std::strcpy(lent, message.body.value("write", "").c_str());
    _exit(channel.Send({{"type", "done"}}, {}, &err) ? 0 : 4);
  }
  close(pair.b);
  CallChannel channel(pair.a);
  std::string err;
  ASSERT_TRUE(channel.Send({{"type", "case"}, {"write", "from the runner"}}, {memory}, &err))
      << err;
  ChannelMessage reply;
  ASSERT_TRUE(channel.Receive(&reply, &err)) << err;
  EXPECT_EQ(reply.body["type"], "done");
  EXPECT_STREQ(mine, "from the runner");
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_FALSE(channel.Receive(&reply, &err)) << "the runner is gone";
  EXPECT_EQ(err, "") << "end of file is not an error";
  munmap(mine, 4096);
  close(memory);
}

TEST(CallChannelTest, RefusesWhatIsNotOneJsonObjectAndClosesItsDescriptors) {
  for (const std::string& text :
       {std::string("not json"), std::string("[1, 2]"), std::string("{\"a\": 1} {\"b\": 2}")}) {
    SocketPair pair;
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    SendRaw(pair.b, text, pipe_fds[1], 1);
    close(pipe_fds[1]);
    CallChannel channel(pair.a);
    ChannelMessage message;
    std::string err;
    EXPECT_FALSE(channel.Receive(&message, &err)) << text;
    EXPECT_EQ(err, "a message that is not one JSON object") << text;
    EXPECT_TRUE(WriteEndClosed(pipe_fds[0])) << text << ": the descriptor that came was kept";
    close(pipe_fds[0]);
    close(pair.b);
  }
}

TEST(CallChannelTest, RefusesTooManyDescriptorsAndTooLongMessages) {
  SocketPair pair;
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  SendRaw(pair.b, "{}", pipe_fds[1], kMaxMessageFds + 4);
  SendRaw(pair.b, "{\"pad\": \"" + std::string(kMaxMessageBytes, 'x') + "\"}", -1, 0);
  close(pipe_fds[1]);
  CallChannel channel(pair.a);
  ChannelMessage message;
  std::string err;
  EXPECT_FALSE(channel.Receive(&message, &err));
  EXPECT_EQ(err, "a message carried too many descriptors");
  EXPECT_TRUE(WriteEndClosed(pipe_fds[0])) << "the descriptors that fitted were kept";
  EXPECT_FALSE(channel.Receive(&message, &err));
  EXPECT_EQ(err, "a message longer than 64 KiB");
  close(pipe_fds[0]);
  close(pair.b);
}

TEST(CallChannelTest, SendingToAClosedEndFailsWithoutASignal) {
  SocketPair pair;
  close(pair.b);
  CallChannel channel(pair.a);
  std::string err;
  EXPECT_FALSE(channel.Send({{"type", "call"}}, {}, &err));
  EXPECT_NE(err.find("sending a message"), std::string::npos) << err;
}

}  // namespace
}  // namespace judge::gpu
