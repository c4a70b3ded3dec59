#ifndef SMC_STORE_H
#define SMC_STORE_H

#include "cw.h"

bool store_read(Bytes key, Bytes *value);
void store_write(Bytes key, Bytes value);
void store_remove(Bytes key);
/* Ascending iterator over [start, end). */
u32 store_scan(Bytes start, Bytes end);
bool store_next(u32 iterator, Bytes *key, Bytes *value);

#endif
