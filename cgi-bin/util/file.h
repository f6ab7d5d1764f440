/* file.h: small file helpers shared by the loaders (catalogs, templates, migrations). */
#ifndef STARCERT_FILE_H
#define STARCERT_FILE_H

#include <stddef.h>

/*
 * file_read: the whole of path in a malloc'd, NUL-terminated buffer (the
 * caller frees it), its length in *len; NULL with errno set on failure.
 */
char	*file_read(const char *path, size_t *len);

#endif
