// Interactor in the problem package convention: interactor INPUT ANSWER FEEDBACK_DIR; its
// stdin is the submission's stdout and its stdout the submission's stdin. Answers "higher",
// "lower" or "correct" to each guess; accepts (42) a correct guess within 20 tries.
#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 4) return 1;
  long long secret = 0, guess = 0;
  std::ifstream(argv[1]) >> secret;
  for (int tries = 0; tries < 20 && std::cin >> guess; ++tries) {
    if (guess == secret) {
      std::cout << "correct" << std::endl;
      return 42;
    }
    std::cout << (guess < secret ? "higher" : "lower") << std::endl;
  }
  std::ofstream(std::string(argv[3]) + "/judgemessage.txt") << "no correct guess in 20 tries\n";
  return 43;
}
