// FreeType: reads the advance widths and line height of the font the workbook names, so that
// the status sheet's rows are as tall as their wrapped text (docs/decisions/0006-measured-text.md).
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
