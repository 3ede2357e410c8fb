// tokenizer.h — Python 3.11 tokenizer over an in-memory UTF-8 buffer.
//
// Invariant: a WfTokenList holds the tokens of one source in order; the last
// token is ENDMARKER, or an ERROR token when tokenizing stopped at an error
// (then `error` describes it). Token text points into the source buffer
// given to wf_tokenizer_run, which must outlive the list. Columns are
// 0-based byte offsets in the token's line, as CPython's tokens.
#ifndef WF_PARSE_TOKENIZER_H
#define WF_PARSE_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>

#include "syntax_error.h"

// Operators: X(NAME, "text"), longest first within each leading char is not
// required; the scanner matches explicitly.
#define WF_TOKEN_OP_LIST(X) \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(COLON, ":") \
    X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*") \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">") \
    X(EQUAL, "=") X(DOT, ".") X(PERCENT, "%") X(LBRACE, "{") \
    X(RBRACE, "}") X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=") \
    X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^") \
    X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**") \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=") \
    X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=") \
    X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=") \
    X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=") \
    X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=") X(AT, "@") \
    X(ATEQUAL, "@=") X(RARROW, "->") X(ELLIPSIS, "...") \
    X(COLONEQUAL, ":=") X(OP, "")

// Hard keywords: X(NAME, "text")
#define WF_TOKEN_KEYWORD_LIST(X) \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and") \
    X(AS, "as") X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await") \
    X(BREAK, "break") X(CLASS, "class") X(CONTINUE, "continue") \
    X(DEF, "def") X(DEL, "del") X(ELIF, "elif") X(ELSE, "else") \
    X(EXCEPT, "except") X(FINALLY, "finally") X(FOR, "for") \
    X(FROM, "from") X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import") \
    X(IN, "in") X(IS, "is") X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal") \
    X(NOT, "not") X(OR, "or") X(PASS, "pass") X(RAISE, "raise") \
    X(RETURN, "return") X(TRY, "try") X(WHILE, "while") X(WITH, "with") \
    X(YIELD, "yield")

typedef enum WfTokenType {
    WF_TOK_ENDMARKER,
    WF_TOK_NAME,
    WF_TOK_NUMBER,
    WF_TOK_STRING,
    WF_TOK_NEWLINE,
    WF_TOK_INDENT,
    WF_TOK_DEDENT,
    WF_TOK_ERROR, // tokenizing stopped here; see WfTokenList.error
#define WF_X(name, text) WF_TOK_##name,
    WF_TOKEN_OP_LIST(WF_X)
#undef WF_X
#define WF_X(name, text) WF_TOK_KW_##name,
    WF_TOKEN_KEYWORD_LIST(WF_X)
#undef WF_X
    WF_TOK_TYPE_COUNT
} WfTokenType;

typedef struct WfToken {
    WfTokenType type;
    int lineno;
    int col;      // byte column; for INDENT/DEDENT, of the first non-blank
    int end_lineno;
    int end_col;
    int level;    // bracket depth after this token
    // INDENT, DEDENT and ENDMARKER have no column in CPython; errors placed
    // on them use `col` (the tokenizer's position) without the +1.
    bool nocol;
    const char *start; // token text (not NUL-terminated)
    int len;
} WfToken;

// How a tokenizer error interacts with the parser (mirrors CPython, where
// some errors raise at once and others only when the parser reaches them).
typedef enum WfTokErrorMode {
    WF_TOKERR_RAISE,   // always reported, whatever the parser does
    WF_TOKERR_LAZY,    // reported only if the parser reaches the token
    WF_TOKERR_EOF_PAREN, // EOF inside brackets (see parser for the rules)
} WfTokErrorMode;

typedef struct WfTokenList {
    WfToken *tokens; // malloc'd; free with wf_tokenizer_list_free
    int count;
    int cap;
    bool has_error;
    WfTokErrorMode error_mode;
    WfSyntaxErrorInfo error; // text left NULL; line stored below
    const char *error_line;  // start of the offending line in the source
    // For WF_TOKERR_EOF_PAREN: the innermost unclosed bracket.
    char paren_char;
    int paren_lineno;
    int paren_col;
} WfTokenList;

// Tokenizes `src[0..len)`, which must end with '\n' and contain no '\r'
// or NUL (the parser normalizes input first). `line_offset` and
// `col_offset` shift positions of tokens on the first line (used for
// f-string replacement fields, as CPython 3.11 does). Returns 0, or -1 when
// out of memory (then list->has_error is false and tokens may be partial).
int wf_tokenizer_run(const char *src, size_t len, int first_lineno,
                     int first_line_col_shift, WfTokenList *list);
void wf_tokenizer_list_free(WfTokenList *list);
// Printable name of a token type ("NAME", "'('", "'if'").
const char *wf_tokenizer_type_name(WfTokenType type);

// Unicode helpers shared with the parser (utf8proc backed).
// Decodes one UTF-8 character at s (n bytes available); returns its length
// (>= 1) and stores the code point, or returns -1 if invalid.
int wf_tokenizer_decode_utf8(const char *s, size_t n, int *cp);
bool wf_tokenizer_is_printable(int cp);
// Counts characters (code points) in the first `nbytes` bytes of s.
int wf_tokenizer_char_count(const char *s, int nbytes);

#endif
