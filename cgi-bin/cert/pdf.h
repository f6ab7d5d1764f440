/* pdf.h: a certificate as a one-page A4 landscape PDF (libharu), with its QR code (libqrencode). */
#ifndef STARCERT_CERT_PDF_H
#define STARCERT_CERT_PDF_H

#include "../http/buf.h"

/* Where Debian's fonts-wqy-zenhei puts the font (a TrueType collection; face 0 is used). */
#define CERT_PDF_FONT	"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

/*
 * What a certificate states.  Strings are UTF-8 (invalid bytes print as '?',
 * control characters as spaces); NULL prints as nothing.  Long values are
 * wrapped and, past their room, cut with "…".
 */
struct cert_facts {
	const char *number;		/* "SC-2026-00001" */
	int         version;		/* 1, 2... (printed small: "版本 / Version 1") */
	const char *org_name;		/* Chinese organization name */
	const char *credit_code;	/* 18 characters */
	const char *address;
	const char *scope;		/* products and services, Chinese, may be long (wrap it, at most ~4 lines, then cut with …) */
	const char *standard;		/* "GB/T 27922-2011《商品售后服务评价体系》" */
	int         stars;		/* 0 for 达标级 (compliant), else 3, 4 or 5 */
	const char *level_zh, *level_en;	/* "五星级" / "Five-star" */
	const char *issue_date, *expiry_date;	/* YYYY-MM-DD */
	const char *body_zh, *body_en;	/* the certification body's name */
	const char *verify_url;		/* encoded in the QR code, also printed small beneath it */
};

/*
 * cert_pdf: the certificate as an A4 landscape PDF appended to out; 0, or -1
 * (font missing, libharu error, no verify_url or one too long for a QR code,
 * out of memory) with a line on stderr.  On -1, out is left as it was.
 * No global state: safe to call repeatedly.  The font is loaded and embedded
 * (subset, compressed) on every call: about 0.1-0.2 s and 0.5 MB of PDF.
 */
int	cert_pdf(const struct cert_facts *, const char *font_path, struct buf *out);

#endif
