// libFuzzer's entry for programs that keep their own main (compiler-rt, FuzzerInterface.h). Linked only
// when the fuzz program is built with -sanitize=fuzzer.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
