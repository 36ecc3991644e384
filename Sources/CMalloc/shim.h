// glibc's allocator settings (mallopt), for the process-wide choice in the tilanne command.
#include <malloc.h>
