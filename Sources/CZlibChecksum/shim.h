// zlib's crc32, to check each ZIP entry's checksum at C speed while it streams.
#include <zlib.h>
