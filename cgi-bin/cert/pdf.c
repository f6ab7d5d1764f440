/*
 * pdf.c: the certificate as one A4 landscape page.
 *
 * libharu draws; every object it allocates belongs to the document and goes
 * with HPDF_Free.  Its default error handler may abort, so ours only records
 * the first error and every step checks the codes.  Chinese text uses the
 * TrueType collection through libharu's UTF-8 encoder (the font is embedded
 * as a subset); English text that is plain ASCII uses the standard Times
 * fonts.  Text is wrapped by our own measure (CJK may break between any two
 * characters, Latin only at spaces; closing punctuation never starts a line
 * and may hang past the margin) and cut with an ellipsis past its lines.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>
#include <qrencode.h>

#include "pdf.h"

/* Longest field kept, in bytes (more than any line budget can show). */
#define FIELD_MAX	2048
#define MAX_LINES	4

/*
 * Angles by rotation of a unit vector with these constants, so that the
 * module needs no libm (starcertctl links with cc).
 */
#define COS36		0.80901699f
#define SIN36		0.58778525f
#define COS10		0.98480775f
#define SIN10		0.17364818f

/* Millimetres to points. */
#define MM(x)		((float)((x) * 72.0 / 25.4))

struct rgb {
	float r, g, b;
};

static const struct rgb NAVY = { 0.106f, 0.188f, 0.353f };
static const struct rgb GOLD = { 0.690f, 0.545f, 0.259f };
static const struct rgb PALE_GOLD = { 0.925f, 0.890f, 0.800f };
static const struct rgb INK = { 0.120f, 0.120f, 0.140f };
static const struct rgb GREY = { 0.420f, 0.430f, 0.470f };
static const struct rgb CREAM = { 0.992f, 0.984f, 0.957f };
static const struct rgb WHITE = { 1.0f, 1.0f, 1.0f };

struct pdf {
	HPDF_Doc	 doc;
	HPDF_Page	 page;
	HPDF_Font	 cjk, roman, italic, sans;
	HPDF_STATUS	 err, detail;	/* the first error, HPDF_OK if none */
	float		 w, h;
};

enum align { LEFT, CENTRE, RIGHT };

struct span {
	const char	*s;
	size_t		 n;
};

static void
on_error(HPDF_STATUS err, HPDF_STATUS detail, void *arg)
{
	struct pdf *p = arg;

	/* The end of the output stream is reported as an error: it is not one. */
	if (err == HPDF_STREAM_EOF)
		return;
	if (p->err == HPDF_OK) {
		p->err = err;
		p->detail = detail;
	}
}

static void
ck(struct pdf *p, HPDF_STATUS st)
{
	if (st != HPDF_OK && p->err == HPDF_OK)
		p->err = st;
}

/* --- UTF-8 -------------------------------------------------------------- */

/* The length of the valid UTF-8 sequence at s (up to n bytes) and its code point; 0 if invalid. */
static size_t
u8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t	c;
	size_t		len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* The code point at s, which is valid UTF-8 (cleaned), and its length. */
static size_t
u8_next(const char *s, uint32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n = u8_decode(u, strnlen(s, 4), cp);

	if (n == 0) {		/* not reached for cleaned text */
		*cp = u[0];
		n = 1;
	}
	return n;
}

/*
 * A copy of s fit to print: invalid UTF-8 and characters beyond the Basic
 * Multilingual Plane (which neither the font nor libharu's encoder cover)
 * become '?', control characters and line separators spaces; at most
 * FIELD_MAX bytes, cut at a character.  NULL when out of memory.
 */
static char *
clean(const char *s)
{
	const unsigned char	*u = (const unsigned char *)(s != NULL ? s : "");
	size_t			 len = strlen((const char *)u), o = 0, n;
	uint32_t		 cp;
	char			*out;

	if ((out = malloc((len < FIELD_MAX ? len : FIELD_MAX) + 1)) == NULL)
		return NULL;
	for (size_t i = 0; i < len; i += n) {
		if ((n = u8_decode(u + i, len - i, &cp)) == 0 || cp > 0xffff) {
			if (n == 0)
				n = 1;
			if (o + 1 > FIELD_MAX)
				break;
			out[o++] = '?';
			continue;
		}
		if (o + n > FIELD_MAX)
			break;
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 || cp == 0x2029)
			out[o++] = ' ';
		else {
			memcpy(out + o, u + i, n);
			o += n;
		}
	}
	out[o] = '\0';
	return out;
}

static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* Characters of the CJK ranges (and full-width forms): a line may break before and after them. */
static bool
is_wide(uint32_t cp)
{
	return (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
	    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
	    (cp >= 0xff00 && cp <= 0xffef) || cp == 0x2014 || cp == 0x2026 ||
	    (cp >= 0x2018 && cp <= 0x201d) || cp == 0x00b7;
}

/* Closing punctuation: never at the start of a line. */
static bool
no_start(uint32_t cp)
{
	static const uint32_t	set[] = {
		0x3001, 0x3002, 0xff0c, 0xff0e, 0xff1a, 0xff1b, 0xff1f, 0xff01, 0xff09,
		0x3009, 0x300b, 0x300d, 0x300f, 0x3011, 0x3015, 0x3017, 0x201d, 0x2019,
		0x2026, 0x00b7, 0x30fb, 0xff5e, 0xff05, 0x3003, 0xff3d, 0xff5d,
		',', '.', ';', ':', '!', '?', ')', ']', '}', '%',
	};

	for (size_t i = 0; i < sizeof(set) / sizeof(set[0]); i++)
		if (set[i] == cp)
			return true;
	return false;
}

/* Opening punctuation: never at the end of a line. */
static bool
no_end(uint32_t cp)
{
	static const uint32_t	set[] = {
		0x3008, 0x300a, 0x300c, 0x300e, 0x3010, 0x3014, 0x3016, 0xff08, 0x201c,
		0x2018, 0xff3b, 0xff5b, '(', '[', '{',
	};

	for (size_t i = 0; i < sizeof(set) / sizeof(set[0]); i++)
		if (set[i] == cp)
			return true;
	return false;
}

static bool
can_break(uint32_t prev, uint32_t cp)
{
	if (prev == ' ' || cp == ' ')
		return true;
	if (no_start(cp) || no_end(prev))
		return false;
	return is_wide(prev) || is_wide(cp);
}

/* --- measuring and drawing ---------------------------------------------- */

static float
width_n(HPDF_Font f, float size, const char *s, size_t n)
{
	HPDF_TextWidth	tw;

	if (n == 0)
		return 0;
	tw = HPDF_Font_TextWidth(f, (const HPDF_BYTE *)s, (HPDF_UINT)n);
	return (float)tw.width * size / 1000.0f;
}

static float
width(HPDF_Font f, float size, const char *s)
{
	return width_n(f, size, s, strlen(s));
}

static const char *
ellipsis(const struct pdf *p, HPDF_Font f)
{
	return f == p->cjk ? "\xe2\x80\xa6" : "...";
}

/* The font for a string meant in English: Times when it is ASCII, else the Chinese font. */
static HPDF_Font
latin(const struct pdf *p, const char *s, bool italic)
{
	if (!is_ascii(s))
		return p->cjk;
	return italic ? p->italic : p->roman;
}

/* The font for a value: the Chinese font, or Times when the value is ASCII (numbers, dates). */
static HPDF_Font
value_font(const struct pdf *p, const char *s)
{
	return is_ascii(s) ? p->roman : p->cjk;
}

static void
fill_colour(struct pdf *p, struct rgb c)
{
	ck(p, HPDF_Page_SetRGBFill(p->page, c.r, c.g, c.b));
}

static void
stroke_colour(struct pdf *p, struct rgb c)
{
	ck(p, HPDF_Page_SetRGBStroke(p->page, c.r, c.g, c.b));
}

/* Draw s with its left, centre or right at x on baseline y, with extra space between characters. */
static void
text_spaced(struct pdf *p, HPDF_Font f, float size, float x, float y, enum align a,
    float charspace, const char *s)
{
	float	w;
	size_t	chars = 0, n;
	uint32_t cp;

	if (*s == '\0')
		return;
	for (const char *q = s; *q != '\0'; q += n, chars++)
		n = u8_next(q, &cp);
	w = width(f, size, s) + charspace * (float)(chars - 1);
	if (a == CENTRE)
		x -= w / 2;
	else if (a == RIGHT)
		x -= w;
	ck(p, HPDF_Page_BeginText(p->page));
	ck(p, HPDF_Page_SetFontAndSize(p->page, f, size));
	ck(p, HPDF_Page_SetCharSpace(p->page, charspace));
	ck(p, HPDF_Page_TextOut(p->page, x, y, s));
	ck(p, HPDF_Page_SetCharSpace(p->page, 0));
	ck(p, HPDF_Page_EndText(p->page));
}

static void
text(struct pdf *p, HPDF_Font f, float size, float x, float y, enum align a, const char *s)
{
	text_spaced(p, f, size, x, y, a, 0, s);
}

/*
 * Break s into at most maxl lines no wider than maxw; *cut when text was
 * left over.  Lines point into s, without their surrounding spaces.
 */
static int
wrap(HPDF_Font f, float size, const char *s, float maxw, int maxl, struct span *ln, bool *cut)
{
	size_t		pos = 0, i, start, end, brk, n;
	uint32_t	cp, prev;
	float		w, cw;
	int		nl = 0;

	*cut = false;
	for (;;) {
		while (s[pos] == ' ')
			pos++;
		if (s[pos] == '\0')
			break;
		if (nl == maxl) {
			*cut = true;
			break;
		}
		start = i = pos;
		brk = 0;
		w = 0;
		prev = 0;
		end = 0;
		while (s[i] != '\0') {
			n = u8_next(s + i, &cp);
			cw = width_n(f, size, s + i, n);
			if (i > start && can_break(prev, cp))
				brk = i;
			if (w + cw > maxw && i > start) {
				/* Closing punctuation hangs rather than starting a line. */
				if (no_start(cp) && cp != ' ' && w + cw <= maxw + size) {
					w += cw;
					prev = cp;
					i += n;
					continue;
				}
				end = cp == ' ' || brk == 0 ? i : brk;
				break;
			}
			w += cw;
			prev = cp;
			i += n;
		}
		if (s[i] == '\0')
			end = i;
		pos = end;
		while (end > start && s[end - 1] == ' ')
			end--;
		ln[nl].s = s + start;
		ln[nl].n = end - start;
		nl++;
	}
	return nl;
}

/* The number of lines s takes at most maxl. */
static int
count_lines(HPDF_Font f, float size, const char *s, float maxw, int maxl)
{
	struct span	ln[MAX_LINES];
	bool		cut;

	return wrap(f, size, s, maxw, maxl, ln, &cut);
}

/*
 * Draw s wrapped into at most maxl lines of maxw from baseline y down, lh
 * apart, aligned on x; the last line ends in an ellipsis when text is left.
 * Returns the number of lines.
 */
static int
paragraph(struct pdf *p, HPDF_Font f, float size, float x, float y, float maxw, float lh,
    int maxl, enum align a, const char *s)
{
	struct span	 ln[MAX_LINES];
	bool		 cut;
	int		 nl;
	char		*line;
	const char	*ell = ellipsis(p, f);

	if (maxl > MAX_LINES)
		maxl = MAX_LINES;
	nl = wrap(f, size, s, maxw, maxl, ln, &cut);
	if ((line = malloc(strlen(s) + strlen(ell) + 1)) == NULL) {
		ck(p, HPDF_FAILD_TO_ALLOC_MEM);
		return 0;
	}
	for (int k = 0; k < nl; k++) {
		size_t n = ln[k].n;

		memcpy(line, ln[k].s, n);
		line[n] = '\0';
		if (k == nl - 1 && cut) {
			float ew = width(f, size, ell);

			/* Drop characters until the ellipsis fits, and any space or opening mark before it. */
			for (;;) {
				uint32_t	cp = 0;
				size_t		b = n;

				if (n > 0) {
					while (b > 0 && ((unsigned char)line[b - 1] & 0xc0) == 0x80)
						b--;
					if (b > 0)
						b--;
					(void)u8_next(line + b, &cp);
				}
				if (n == 0 || (width_n(f, size, line, n) + ew <= maxw && cp != ' ' &&
				    !no_end(cp)))
					break;
				n = b;
			}
			memcpy(line + n, ell, strlen(ell) + 1);
		}
		text(p, f, size, x, y - lh * (float)k, a, line);
	}
	free(line);
	return nl;
}

/* One line of s at x, made smaller (down to minsize) to fit maxw, then cut. */
static void
fit_line(struct pdf *p, HPDF_Font f, float size, float minsize, float x, float y, float maxw,
    enum align a, const char *s)
{
	while (size > minsize && width(f, size, s) > maxw)
		size -= 0.25f;
	(void)paragraph(p, f, size, x, y, maxw, size, 1, a, s);
}

/* --- ornament ------------------------------------------------------------ */

/* A five-pointed star centred on (cx, cy) with outer radius r, added to the path. */
static void
star(struct pdf *p, float cx, float cy, float r)
{
	float	inner = r * 0.381966f;	/* the regular star's proportion */
	float	c = 0, s = 1, t;	/* the direction, from straight up, turning by 36 degrees */

	for (int k = 0; k < 10; k++) {
		float	rad = k % 2 == 0 ? r : inner;
		float	x = cx + rad * c, y = cy + rad * s;

		ck(p, k == 0 ? HPDF_Page_MoveTo(p->page, x, y) : HPDF_Page_LineTo(p->page, x, y));
		t = c * COS36 - s * SIN36;
		s = s * COS36 + c * SIN36;
		c = t;
	}
	ck(p, HPDF_Page_ClosePath(p->page));
}

/* A wave around the rectangle inset by c, amplitude amp (negative: half a period on), about period per. */
static void
wave(struct pdf *p, float c, float amp, float per)
{
	/* sin(2 pi k / 16): sixteen steps a period. */
	static const float	sine[16] = {
		0, 0.38268343f, 0.70710678f, 0.92387953f, 1, 0.92387953f, 0.70710678f,
		0.38268343f, 0, -0.38268343f, -0.70710678f, -0.92387953f, -1, -0.92387953f,
		-0.70710678f, -0.38268343f,
	};
	const float	x[5] = { c, p->w - c, p->w - c, c, c };
	const float	y[5] = { c, c, p->h - c, p->h - c, c };
	bool		first = true;

	for (int side = 0; side < 4; side++) {
		float	dx = x[side + 1] - x[side], dy = y[side + 1] - y[side];
		float	len = (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy);
		int	periods = (int)(len / per + 0.5f), steps = periods * 16;

		for (int k = side == 0 ? 0 : 1; k <= steps; k++) {
			float	t = (float)k / (float)steps;
			float	off = amp * sine[k % 16];
			/* The outward normal of a counter-clockwise side is (dy, -dx) / len. */
			float	px = x[side] + dx * t + off * dy / len;
			float	py = y[side] + dy * t - off * dx / len;

			ck(p, first ? HPDF_Page_MoveTo(p->page, px, py) :
			    HPDF_Page_LineTo(p->page, px, py));
			first = false;
		}
	}
	ck(p, HPDF_Page_Stroke(p->page));
}

static void
frame(struct pdf *p)
{
	float	w = p->w, h = p->h;

	/* Paper, then the outer rule, the guilloche band between two gold rules, the inner rule. */
	fill_colour(p, CREAM);
	ck(p, HPDF_Page_Rectangle(p->page, 20, 20, w - 40, h - 40));
	ck(p, HPDF_Page_Fill(p->page));

	stroke_colour(p, NAVY);
	ck(p, HPDF_Page_SetLineWidth(p->page, 2.4f));
	ck(p, HPDF_Page_Rectangle(p->page, 20, 20, w - 40, h - 40));
	ck(p, HPDF_Page_Stroke(p->page));

	stroke_colour(p, GOLD);
	ck(p, HPDF_Page_SetLineWidth(p->page, 0.8f));
	ck(p, HPDF_Page_Rectangle(p->page, 25.5f, 25.5f, w - 51, h - 51));
	ck(p, HPDF_Page_Stroke(p->page));
	ck(p, HPDF_Page_Rectangle(p->page, 38.5f, 38.5f, w - 77, h - 77));
	ck(p, HPDF_Page_Stroke(p->page));

	ck(p, HPDF_Page_SetLineWidth(p->page, 0.45f));
	wave(p, 32, 3.6f, 9);
	wave(p, 32, -3.6f, 9);

	stroke_colour(p, NAVY);
	ck(p, HPDF_Page_SetLineWidth(p->page, 0.6f));
	ck(p, HPDF_Page_Rectangle(p->page, 43, 43, w - 86, h - 86));
	ck(p, HPDF_Page_Stroke(p->page));

	/* Corners: a navy square on the band holding a gold diamond. */
	for (int k = 0; k < 4; k++) {
		float	cx = k % 2 == 0 ? 32 : w - 32, cy = k < 2 ? 32 : h - 32;

		fill_colour(p, NAVY);
		ck(p, HPDF_Page_Rectangle(p->page, cx - 8, cy - 8, 16, 16));
		ck(p, HPDF_Page_Fill(p->page));
		fill_colour(p, GOLD);
		ck(p, HPDF_Page_MoveTo(p->page, cx, cy + 5.5f));
		ck(p, HPDF_Page_LineTo(p->page, cx + 5.5f, cy));
		ck(p, HPDF_Page_LineTo(p->page, cx, cy - 5.5f));
		ck(p, HPDF_Page_LineTo(p->page, cx - 5.5f, cy));
		ck(p, HPDF_Page_ClosePath(p->page));
		ck(p, HPDF_Page_Fill(p->page));
	}
}

/* A faint rosette of circles behind the text. */
static void
rosette(struct pdf *p, float cx, float cy, float r)
{
	stroke_colour(p, PALE_GOLD);
	ck(p, HPDF_Page_SetLineWidth(p->page, 0.5f));
	float	c = 1, s = 0, t;	/* turning by 10 degrees */

	for (int k = 0; k < 36; k++) {
		ck(p, HPDF_Page_Circle(p->page, cx + r / 2 * c, cy + r / 2 * s, r / 2));
		t = c * COS10 - s * SIN10;
		s = s * COS10 + c * SIN10;
		c = t;
	}
	ck(p, HPDF_Page_Stroke(p->page));
	ck(p, HPDF_Page_Circle(p->page, cx, cy, r + 4));
	ck(p, HPDF_Page_Stroke(p->page));
}

/* A gold rule from x0 to x1 with a diamond in its middle. */
static void
rule(struct pdf *p, float x0, float x1, float y)
{
	float	m = (x0 + x1) / 2;

	stroke_colour(p, GOLD);
	ck(p, HPDF_Page_SetLineWidth(p->page, 0.7f));
	ck(p, HPDF_Page_MoveTo(p->page, x0, y));
	ck(p, HPDF_Page_LineTo(p->page, m - 9, y));
	ck(p, HPDF_Page_MoveTo(p->page, m + 9, y));
	ck(p, HPDF_Page_LineTo(p->page, x1, y));
	ck(p, HPDF_Page_Stroke(p->page));
	fill_colour(p, GOLD);
	ck(p, HPDF_Page_MoveTo(p->page, m, y + 3.5f));
	ck(p, HPDF_Page_LineTo(p->page, m + 5, y));
	ck(p, HPDF_Page_LineTo(p->page, m, y - 3.5f));
	ck(p, HPDF_Page_LineTo(p->page, m - 5, y));
	ck(p, HPDF_Page_ClosePath(p->page));
	ck(p, HPDF_Page_Fill(p->page));
}

/* The QR code of url, side (quiet zone included) at (x, y); -1 if it cannot be encoded. */
static int
qr(struct pdf *p, const char *url, float x, float y, float side)
{
	QRcode	*q;
	float	 m;
	int	 n;

	errno = 0;
	if (*url == '\0' || (q = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) == NULL) {
		fprintf(stderr, "cert_pdf: QR code of \"%s\": %s\n", url,
		    *url == '\0' ? "no verification URL" :
		    errno == ERANGE ? "too long" : strerror(errno != 0 ? errno : EINVAL));
		return -1;
	}
	n = q->width;
	m = side / (float)(n + 8);	/* four modules of quiet zone each side */
	fill_colour(p, WHITE);
	ck(p, HPDF_Page_Rectangle(p->page, x, y, side, side));
	ck(p, HPDF_Page_Fill(p->page));
	/* Runs of dark modules as rectangles, filled as one path so that no seams show. */
	fill_colour(p, (struct rgb){ 0, 0, 0 });
	for (int r = 0; r < n; r++) {
		for (int c = 0; c < n; ) {
			int c0;

			if (!(q->data[r * n + c] & 1)) {
				c++;
				continue;
			}
			for (c0 = c; c < n && (q->data[r * n + c] & 1); c++)
				;
			ck(p, HPDF_Page_Rectangle(p->page, x + m * (float)(4 + c0),
			    y + side - m * (float)(4 + r + 1), m * (float)(c - c0), m));
		}
	}
	ck(p, HPDF_Page_Fill(p->page));
	QRcode_free(q);
	return 0;
}

/* --- the page ------------------------------------------------------------ */

/* The facts, cleaned. */
struct text {
	char *number, *version, *org, *code, *address, *scope, *standard;
	char *level_zh, *level_en, *issue, *expiry, *body_zh, *body_en, *url;
};

#define TEXT_FIELDS	(sizeof(struct text) / sizeof(char *))

static char **
text_field(struct text *t, size_t i)
{
	char **fields[] = {
		&t->number, &t->version, &t->org, &t->code, &t->address, &t->scope,
		&t->standard, &t->level_zh, &t->level_en, &t->issue, &t->expiry,
		&t->body_zh, &t->body_en, &t->url,
	};

	_Static_assert(sizeof(fields) / sizeof(fields[0]) == TEXT_FIELDS, "struct text");
	return fields[i];
}

static void
text_free(struct text *t)
{
	for (size_t i = 0; i < TEXT_FIELDS; i++)
		free(*text_field(t, i));
}

static int
text_init(struct text *t, const struct cert_facts *f)
{
	char	version[64];

	snprintf(version, sizeof(version), "版本 / Version %d", f->version);
	memset(t, 0, sizeof(*t));
	if ((t->number = clean(f->number)) == NULL || (t->version = clean(version)) == NULL ||
	    (t->org = clean(f->org_name)) == NULL || (t->code = clean(f->credit_code)) == NULL ||
	    (t->address = clean(f->address)) == NULL || (t->scope = clean(f->scope)) == NULL ||
	    (t->standard = clean(f->standard)) == NULL ||
	    (t->level_zh = clean(f->level_zh)) == NULL ||
	    (t->level_en = clean(f->level_en)) == NULL ||
	    (t->issue = clean(f->issue_date)) == NULL ||
	    (t->expiry = clean(f->expiry_date)) == NULL ||
	    (t->body_zh = clean(f->body_zh)) == NULL || (t->body_en = clean(f->body_en)) == NULL ||
	    (t->url = clean(f->verify_url)) == NULL) {
		text_free(t);
		return -1;
	}
	return 0;
}

/* Geometry (points; A4 landscape is 841.9 x 595.3). */
#define LABEL_X		104.0f		/* labels */
#define VALUE_X		258.0f		/* values */
#define VALUE_R		668.0f		/* right edge of values: the QR code is beyond */
#define TABLE_TOP	446.0f		/* top of the first row, at most */
#define TABLE_BOTTOM	134.0f		/* lowest descent of the last row, at least */
#define GAP_MIN		9.0f		/* between rows, else long values are set smaller */
#define GAP_MAX		17.0f
#define LABEL_ZH	11.5f
#define LABEL_EN	7.5f
#define LABEL_DESC	14.0f		/* from a label's baseline to below its English line */
#define QR_SIDE		MM(35)
#define QR_RIGHT(p)	((p)->w - 64.0f)
#define QR_BOTTOM	70.0f
#define DATES_X2	446.0f		/* the second label of the dates row */

enum row_kind { ROW_TEXT, ROW_LEVEL, ROW_DATES };

struct row {
	enum row_kind	 kind;
	const char	*zh, *en;	/* the label */
	const char	*value;
	HPDF_Font	 font;
	float		 size, lh;
	int		 maxl, lines;
	struct rgb	 colour;
	float		 size0, lh0;	/* the size and line height before any shrinking */
};

/* How far a row reaches below its first baseline: its English label, or its value's lines. */
static float
row_depth(const struct row *r)
{
	float	d = (float)(r->lines - 1) * r->lh + 4;

	return d > LABEL_DESC ? d : LABEL_DESC;
}

static void
label(struct pdf *p, float x, float y, const char *zh, const char *en)
{
	fill_colour(p, NAVY);
	text(p, p->cjk, LABEL_ZH, x, y, LEFT, zh);
	fill_colour(p, GREY);
	text(p, p->roman, LABEL_EN, x, y - 11.5f, LEFT, en);
}

static void
level(struct pdf *p, const struct cert_facts *f, const struct text *t, float y)
{
	int	stars = f->stars < 0 ? 0 : f->stars > 5 ? 5 : f->stars;
	float	x = VALUE_X, r = 8.2f;
	HPDF_Font en = latin(p, t->level_en, true);

	if (stars > 0) {
		fill_colour(p, GOLD);
		for (int k = 0; k < stars; k++)
			star(p, x + r + (float)k * 2.35f * r, y + 4.2f, r);
		ck(p, HPDF_Page_Fill(p->page));
		x += (float)stars * 2.35f * r + 6;
	}
	fill_colour(p, NAVY);
	text(p, p->cjk, 14, x, y, LEFT, t->level_zh);
	x += width(p->cjk, 14, t->level_zh) + 10;
	fill_colour(p, GREY);
	fit_line(p, en, 11, 8, x, y, VALUE_R - x, LEFT, t->level_en);
}

static void
page(struct pdf *p, const struct cert_facts *f, const struct text *t)
{
	struct row	rows[] = {
		{ ROW_TEXT, "证书编号", "Certificate No.", t->number, NULL, 14, 0, 1, 0, INK, 0, 0 },
		{ ROW_TEXT, "组织名称", "Organization", t->org, NULL, 15.5f, 20, 2, 0, NAVY, 0, 0 },
		{ ROW_TEXT, "统一社会信用代码", "Unified social credit code", t->code, NULL, 13, 0, 1,
		    0, INK, 0, 0 },
		{ ROW_TEXT, "地址", "Address", t->address, NULL, 12.5f, 17, 2, 0, INK, 0, 0 },
		{ ROW_TEXT, "认证范围", "Scope", t->scope, NULL, 12.5f, 17, 4, 0, INK, 0, 0 },
		{ ROW_TEXT, "认证依据", "Standard", t->standard, NULL, 12.5f, 17, 2, 0, INK, 0, 0 },
		{ ROW_LEVEL, "认证等级", "Level", NULL, NULL, 14, 0, 1, 1, INK, 0, 0 },
		{ ROW_DATES, "发证日期", "Issue date", NULL, NULL, 13, 0, 1, 1, INK, 0, 0 },
	};
	static const float scales[] = { 1, 0.94f, 0.88f, 0.82f };
	const size_t	nrows = sizeof(rows) / sizeof(rows[0]);
	float		used = 0, gap = GAP_MIN, y, cx = p->w / 2;

	frame(p);
	rosette(p, cx, 292, 118);

	/* Title. */
	fill_colour(p, NAVY);
	stroke_colour(p, NAVY);
	ck(p, HPDF_Page_SetLineWidth(p->page, 0.55f));
	ck(p, HPDF_Page_SetTextRenderingMode(p->page, HPDF_FILL_THEN_STROKE));
	text_spaced(p, p->cjk, 31, cx + 4, 500, CENTRE, 8, "售后服务认证证书");
	ck(p, HPDF_Page_SetTextRenderingMode(p->page, HPDF_FILL));
	fill_colour(p, GOLD);
	text_spaced(p, p->italic, 15.5f, cx, 476, CENTRE, 0.6f, "Certificate of After-sales Service");
	rule(p, cx - 150, cx + 150, 463);

	/*
	 * The rows' heights, then the space between them spread evenly; when
	 * long values leave too little, the paragraphs are set smaller.
	 */
	for (size_t i = 0; i < nrows; i++) {
		rows[i].size0 = rows[i].size;
		rows[i].lh0 = rows[i].lh;
		if (rows[i].kind == ROW_TEXT)
			rows[i].font = value_font(p, rows[i].value);
	}
	for (size_t k = 0; k < sizeof(scales) / sizeof(scales[0]); k++) {
		used = 0;
		for (size_t i = 0; i < nrows; i++) {
			struct row *r = &rows[i];

			if (r->kind == ROW_TEXT) {
				if (r->maxl > 1) {
					r->size = r->size0 * scales[k];
					r->lh = r->lh0 * scales[k];
				}
				r->lines = count_lines(r->font, r->size, r->value, VALUE_R - VALUE_X,
				    r->maxl);
				if (r->lines == 0)
					r->lines = 1;
			}
			used += LABEL_ZH + row_depth(r);
		}
		gap = (TABLE_TOP - TABLE_BOTTOM - used) / (float)(nrows - 1);
		if (gap >= GAP_MIN)
			break;
	}
	if (gap > GAP_MAX)
		gap = GAP_MAX;
	/* y is the top of a row; what the rows leave free is split above and below. */
	y = TABLE_TOP - (TABLE_TOP - TABLE_BOTTOM - used - gap * (float)(nrows - 1)) / 2;

	for (size_t i = 0; i < nrows; i++) {
		struct row	*r = &rows[i];
		float		 base = y - LABEL_ZH;

		label(p, LABEL_X, base, r->zh, r->en);
		switch (r->kind) {
		case ROW_TEXT:
			fill_colour(p, r->colour);
			(void)paragraph(p, r->font, r->size, VALUE_X, base, VALUE_R - VALUE_X, r->lh,
			    r->lines, LEFT, r->value);
			if (i == 0) {	/* the version, small, after the number */
				float x = VALUE_X + width(r->font, r->size, r->value) + 16;

				fill_colour(p, GREY);
				fit_line(p, p->cjk, 8.5f, 8.5f, x, base, VALUE_R - x, LEFT, t->version);
			}
			break;
		case ROW_LEVEL:
			level(p, f, t, base);
			break;
		case ROW_DATES:
			fill_colour(p, INK);
			fit_line(p, value_font(p, t->issue), 13, 9, VALUE_X, base,
			    DATES_X2 - VALUE_X - 12, LEFT, t->issue);
			label(p, DATES_X2, base, "有效期至", "Valid until");
			fill_colour(p, INK);
			fit_line(p, value_font(p, t->expiry), 13, 9, DATES_X2 + 78, base,
			    VALUE_R - DATES_X2 - 78, LEFT, t->expiry);
			break;
		}
		y = base - row_depth(r) - gap;
	}

	/* The body, centred under the table, clear of the QR code. */
	{
		float	maxw = 2 * (QR_RIGHT(p) - QR_SIDE - 24 - cx);

		rule(p, cx - 110, cx + 110, 118);
		fill_colour(p, NAVY);
		stroke_colour(p, NAVY);
		ck(p, HPDF_Page_SetLineWidth(p->page, 0.3f));
		ck(p, HPDF_Page_SetTextRenderingMode(p->page, HPDF_FILL_THEN_STROKE));
		fit_line(p, p->cjk, 16, 10, cx, 93, maxw, CENTRE, t->body_zh);
		ck(p, HPDF_Page_SetTextRenderingMode(p->page, HPDF_FILL));
		fill_colour(p, GREY);
		fit_line(p, latin(p, t->body_en, true), 11, 7, cx, 76, maxw, CENTRE, t->body_en);
	}
}

/* The URL under the QR code: centred under it when it fits (a little smaller if need be), else right-aligned to the margin. */
static void
url_line(struct pdf *p, const char *url)
{
	HPDF_Font	f = is_ascii(url) ? p->sans : p->cjk;
	float		qx = QR_RIGHT(p) - QR_SIDE / 2, right = p->w - 47, size = 6.5f;

	fill_colour(p, GREY);
	while (size > 5.5f && width(f, size, url) > 2 * (right - qx))
		size -= 0.25f;
	if (width(f, size, url) <= 2 * (right - qx))
		fit_line(p, f, size, size, qx, QR_BOTTOM - 9, 2 * (right - qx), CENTRE, url);
	else
		fit_line(p, f, 6.5f, 5, right, QR_BOTTOM - 9, 230, RIGHT, url);
}

static const char *
hpdf_error_text(HPDF_STATUS e)
{
	switch (e) {
	case HPDF_FAILD_TO_ALLOC_MEM:
		return "out of memory";
	case HPDF_FILE_OPEN_ERROR:
		return "cannot open the font";
	case HPDF_FILE_IO_ERROR:
		return "cannot read the font";
	case HPDF_INVALID_TTC_FILE:
	case HPDF_INVALID_TTC_INDEX:
	case HPDF_TTF_INVALID_CMAP:
	case HPDF_TTF_INVALID_FOMAT:
		return "not a usable TrueType collection";
	case HPDF_TTF_CANNOT_EMBEDDING_FONT:
		return "the font may not be embedded";
	default:
		return "libharu error";
	}
}

int
cert_pdf(const struct cert_facts *f, const char *font_path, struct buf *out)
{
	struct pdf	 p;
	struct text	 t;
	const char	*name = "", *step = "creating the document";
	size_t		 len0 = out->len;
	bool		 failed0 = out->failed;
	int		 rc = -1;

	memset(&p, 0, sizeof(p));
	if (font_path == NULL || access(font_path, R_OK) != 0) {
		fprintf(stderr, "cert_pdf: font %s: %s\n", font_path != NULL ? font_path : "(none)",
		    strerror(font_path != NULL ? errno : EINVAL));
		return -1;
	}
	if (text_init(&t, f) != 0) {
		fprintf(stderr, "cert_pdf: out of memory\n");
		return -1;
	}
	if ((p.doc = HPDF_New(on_error, &p)) == NULL) {
		fprintf(stderr, "cert_pdf: libharu: cannot create a document\n");
		goto done;
	}
	ck(&p, HPDF_SetCompressionMode(p.doc, HPDF_COMP_ALL));
	ck(&p, HPDF_UseUTFEncodings(p.doc));
	ck(&p, HPDF_SetInfoAttr(p.doc, HPDF_INFO_CREATOR, "Starcert"));
	if (is_ascii(t.number) && *t.number != '\0') {
		char title[FIELD_MAX + 64];

		snprintf(title, sizeof(title), "Certificate of After-sales Service %s", t.number);
		ck(&p, HPDF_SetInfoAttr(p.doc, HPDF_INFO_TITLE, title));
	}
	if (p.err != HPDF_OK)
		goto fail;

	step = "loading the font";
	if ((name = HPDF_LoadTTFontFromFile2(p.doc, font_path, 0, HPDF_TRUE)) == NULL ||
	    (p.cjk = HPDF_GetFont(p.doc, name, "UTF-8")) == NULL)
		goto fail;
	step = "loading the standard fonts";
	if ((p.roman = HPDF_GetFont(p.doc, "Times-Roman", "WinAnsiEncoding")) == NULL ||
	    (p.italic = HPDF_GetFont(p.doc, "Times-Italic", "WinAnsiEncoding")) == NULL ||
	    (p.sans = HPDF_GetFont(p.doc, "Helvetica", "WinAnsiEncoding")) == NULL)
		goto fail;

	step = "drawing";
	if ((p.page = HPDF_AddPage(p.doc)) == NULL)
		goto fail;
	ck(&p, HPDF_Page_SetSize(p.page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_LANDSCAPE));
	if (p.err != HPDF_OK)
		goto fail;
	p.w = HPDF_Page_GetWidth(p.page);
	p.h = HPDF_Page_GetHeight(p.page);
	page(&p, f, &t);
	if (p.err != HPDF_OK)
		goto fail;
	if (qr(&p, t.url, QR_RIGHT(&p) - QR_SIDE, QR_BOTTOM, QR_SIDE) != 0)
		goto done;
	url_line(&p, t.url);
	if (p.err != HPDF_OK)
		goto fail;

	step = "writing";
	ck(&p, HPDF_SaveToStream(p.doc));
	if (p.err != HPDF_OK)
		goto fail;
	for (;;) {
		HPDF_BYTE	chunk[16384];
		HPDF_UINT32	n = sizeof(chunk);
		HPDF_STATUS	st = HPDF_ReadFromStream(p.doc, chunk, &n);

		buf_append(out, chunk, n);
		if (st == HPDF_STREAM_EOF)
			break;
		if (st != HPDF_OK) {
			ck(&p, st);
			goto fail;
		}
	}
	if (p.err != HPDF_OK)
		goto fail;
	if (out->failed) {
		fprintf(stderr, "cert_pdf: out of memory\n");
		goto done;
	}
	if (out->len - len0 != HPDF_GetStreamSize(p.doc)) {
		fprintf(stderr, "cert_pdf: libharu: short read of the document\n");
		goto done;
	}
	rc = 0;
	goto done;

fail:
	if (p.err == HPDF_OK && p.doc != NULL) {
		p.err = HPDF_GetError(p.doc);
		p.detail = HPDF_GetErrorDetail(p.doc);
	}
	if (name == NULL)	/* libharu may refuse a file without an error code */
		fprintf(stderr, "cert_pdf: font %s: %s (libharu 0x%04X, detail %u)\n", font_path,
		    p.err == HPDF_OK ? "not a usable TrueType collection" :
		    hpdf_error_text(p.err), (unsigned)p.err, (unsigned)p.detail);
	else
		fprintf(stderr, "cert_pdf: %s: %s (libharu 0x%04X, detail %u)\n", step,
		    hpdf_error_text(p.err), (unsigned)p.err, (unsigned)p.detail);
done:
	if (p.doc != NULL)
		HPDF_Free(p.doc);
	text_free(&t);
	if (rc != 0) {
		out->len = len0;
		out->failed = failed0;
	}
	return rc;
}
