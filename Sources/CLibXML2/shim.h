// libxml2's SAX2 push parser: the streaming XML parser the XLSX and DOCX readers use.
//
// Debian builds libxml2 with ICU, so its encoding.h includes the system's ICU headers, which
// clash with the copy of ICU inside Swift's Foundation. Tilanne never uses libxml2's encoding
// handlers (Office XML is UTF-8 and only pointers to those structs are used), so the ICU part
// of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
