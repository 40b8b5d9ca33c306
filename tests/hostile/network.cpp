// verdict: WA
// needs: namespaces
// harm: connecting to a listener the test opened on 127.0.0.1; the right sum only if it could.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <iostream>
int main() {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(@PORT@);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  bool connected = fd >= 0 && connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  long long a, b;
  std::cin >> a >> b;
  std::cout << (connected ? a + b : 0) << "\n";
}
