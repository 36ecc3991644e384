#ifndef TILANNE_CXLSXWRITER_SHIM_H
#define TILANNE_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
