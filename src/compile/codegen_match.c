// codegen_match.c — the `match` statement (CPython 3.12's compiler_match and
// compiler_pattern_*): each case's pattern is compiled against a copy of the
// subject; captured values are kept on the stack (under `on_top` items still
// in use) until the whole pattern matched, then stored; failure jumps to a
// chain of POP_TOP blocks (fail_pop[i] pops i items).
//
// Invariant: at a failure jump, the stack holds exactly on_top + len(stores)
// items above the point the case started from, and fail_pop[that number]
// pops them all.
#include <string.h>

#include "compile/codegen.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

#define LOC(n) wf_loc_of(n)
#define NOLOC wf_no_location
#define ADDOP(op, loc) RETURN_IF_ERROR(wf_cg_addop(c, (op), 0, (loc)))
#define ADDOP_I(op, arg, loc) RETURN_IF_ERROR(wf_cg_addop(c, (op), (arg), (loc)))
#define ADDOP_JUMP(op, label, loc) RETURN_IF_ERROR(wf_cg_jump(c, (op), (label), (loc)))
#define VISIT(e) RETURN_IF_ERROR(wf_cg_visit_expr(c, (e)))
#define NEW_LABEL(l) int l = wf_cg_new_label(c); if (l < 0) return -1
#define USE_LABEL(l) wf_cg_use_label(c, (l))

typedef struct {
    WfObject **items;   // interned names
    int n, cap;
} NameVec;

typedef struct {
    NameVec stores;         // names captured so far, in stack order
    int allow_irrefutable;  // 0: any name capture against our subject raises
    int *fail_pop;          // labels; fail_pop[i] pops i items
    int fail_pop_size;
    int on_top;             // items on top of the stack that must stay there
} PatternContext;

static int namevec_push(NameVec *v, WfObject *name) {
    if (v->n == v->cap) {
        int ncap = v->cap ? v->cap * 2 : 8;
        WfObject **n = wf_mem_realloc(v->items, sizeof(WfObject *) * (size_t)ncap);
        if (!n) {
            wf_err_no_memory();
            return -1;
        }
        v->items = n;
        v->cap = ncap;
    }
    v->items[v->n++] = name;
    return 0;
}

static int namevec_index(const NameVec *v, WfObject *name) {
    for (int i = 0; i < v->n; i++)
        if (v->items[i] == name) return i;
    return -1;
}

static bool wildcard_check(const WfAstNode *p) { return p->kind == WF_AST_MatchAs && !p->v.MatchAs.name && !p->v.MatchAs.pattern; }
static bool wildcard_star_check(const WfAstNode *p) { return p->kind == WF_AST_MatchStar && !p->v.MatchStar.name; }

static int pattern(WfCompiler *c, const WfAstNode *p, PatternContext *pc);

static int ensure_fail_pop(WfCompiler *c, PatternContext *pc, int n) {
    int size = n + 1;
    if (size <= pc->fail_pop_size) return 0;
    int *r = wf_mem_realloc(pc->fail_pop, sizeof(int) * (size_t)size);
    if (!r) {
        wf_err_no_memory();
        return -1;
    }
    pc->fail_pop = r;
    while (pc->fail_pop_size < size) {
        int l = wf_cg_new_label(c);
        if (l < 0) return -1;
        pc->fail_pop[pc->fail_pop_size++] = l;
    }
    return 0;
}

static int jump_to_fail_pop(WfCompiler *c, WfCodeLocation loc, PatternContext *pc, int op) {
    int pops = pc->on_top + pc->stores.n;
    RETURN_IF_ERROR(ensure_fail_pop(c, pc, pops));
    ADDOP_JUMP(op, pc->fail_pop[pops], loc);
    return 0;
}

static int emit_and_reset_fail_pop(WfCompiler *c, WfCodeLocation loc, PatternContext *pc) {
    if (!pc->fail_pop_size) return 0;
    int r = 0;
    while (--pc->fail_pop_size) {
        USE_LABEL(pc->fail_pop[pc->fail_pop_size]);
        if (r >= 0) r = wf_cg_addop(c, WF_OP_POP_TOP, 0, loc);
    }
    USE_LABEL(pc->fail_pop[0]);
    wf_mem_free(pc->fail_pop);
    pc->fail_pop = NULL;
    return r;
}

static int error_duplicate_store(WfCompiler *c, WfCodeLocation loc, WfObject *n) {
    return wf_cg_error(c, loc, "multiple assignments to name '%s' in pattern", wf_str_as_utf8_borrow(n));
}

static int pattern_rotate(WfCompiler *c, WfCodeLocation loc, int count) {
    while (1 < count) ADDOP_I(WF_OP_SWAP, count--, loc);
    return 0;
}

static int store_name(WfCompiler *c, WfCodeLocation loc, const char *cname, PatternContext *pc) {
    if (!cname) {
        ADDOP(WF_OP_POP_TOP, loc);
        return 0;
    }
    if (wf_cg_forbidden_name(c, loc, cname, WF_AST_CTX_Store)) return -1;
    WfObject *n = wf_compile_intern(cname);
    if (!n) return -1;
    if (namevec_index(&pc->stores, n) >= 0) return error_duplicate_store(c, loc, n);
    RETURN_IF_ERROR(pattern_rotate(c, loc, pc->on_top + pc->stores.n + 1));
    return namevec_push(&pc->stores, n);
}

static int pattern_subpattern(WfCompiler *c, const WfAstNode *p, PatternContext *pc) {
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    RETURN_IF_ERROR(pattern(c, p, pc));
    pc->allow_irrefutable = allow;
    return 0;
}

static int pattern_unpack_helper(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *elts) {
    int n = elts->len;
    bool seen_star = false;
    for (int i = 0; i < n; i++) {
        const WfAstNode *elt = elts->items[i];
        if (elt->kind == WF_AST_MatchStar && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 15))
                return wf_cg_error(c, loc, "too many expressions in star-unpacking sequence pattern");
            ADDOP_I(WF_OP_UNPACK_EX, i + ((n - i - 1) << 8), loc);
            seen_star = true;
        } else if (elt->kind == WF_AST_MatchStar) {
            return wf_cg_error(c, loc, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star) ADDOP_I(WF_OP_UNPACK_SEQUENCE, n, loc);
    return 0;
}

static int sequence_unpack(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *patterns, PatternContext *pc) {
    RETURN_IF_ERROR(pattern_unpack_helper(c, loc, patterns));
    int size = patterns->len;
    pc->on_top += size;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        RETURN_IF_ERROR(pattern_subpattern(c, patterns->items[i], pc));
    }
    return 0;
}

// [first, *_, last]: BINARY_SUBSCR instead of unpacking.
static int sequence_subscr(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *patterns, int star,
                           PatternContext *pc) {
    pc->on_top++;
    int size = patterns->len;
    for (int i = 0; i < size; i++) {
        const WfAstNode *p = patterns->items[i];
        if (wildcard_check(p) || i == star) continue;
        ADDOP_I(WF_OP_COPY, 1, loc);
        if (i < star) {
            RETURN_IF_ERROR(wf_cg_load_const(c, wf_smallint_new(i), loc));
        } else {
            ADDOP(WF_OP_GET_LEN, loc);
            RETURN_IF_ERROR(wf_cg_load_const(c, wf_smallint_new(size - i), loc));
            ADDOP_I(WF_OP_BINARY_OP, WF_BINOP_SUBTRACT, loc);
        }
        ADDOP(WF_OP_BINARY_SUBSCR, loc);
        RETURN_IF_ERROR(pattern_subpattern(c, p, pc));
    }
    pc->on_top--;
    ADDOP(WF_OP_POP_TOP, loc);
    return 0;
}

static int compare(WfCompiler *c, WfCodeLocation loc, int op) {
    static const int masks[] = { 2, 2 | 8, 8, 1 | 2 | 4, 4, 4 | 8 };
    return wf_cg_addop(c, WF_OP_COMPARE_OP, (op << 4) | masks[op], loc);
}

static int pattern_as(WfCompiler *c, const WfAstNode *p, PatternContext *pc) {
    if (!p->v.MatchAs.pattern) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name)
                return wf_cg_error(c, LOC(p), "name capture '%s' makes remaining patterns unreachable",
                                   p->v.MatchAs.name);
            return wf_cg_error(c, LOC(p), "wildcard makes remaining patterns unreachable");
        }
        return store_name(c, LOC(p), p->v.MatchAs.name, pc);
    }
    pc->on_top++;
    ADDOP_I(WF_OP_COPY, 1, LOC(p));
    RETURN_IF_ERROR(pattern(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return store_name(c, LOC(p), p->v.MatchAs.name, pc);
}

static int pattern_class(WfCompiler *c, const WfAstNode *p, PatternContext *pc) {
    const WfAstSeq *patterns = p->v.MatchClass.patterns, *kwd_patterns = p->v.MatchClass.kwd_patterns;
    const WfAstIdentSeq *kwd_attrs = p->v.MatchClass.kwd_attrs;
    int nargs = patterns->len, nattrs = kwd_attrs->len;
    if (nattrs != kwd_patterns->len)
        return wf_cg_error(c, LOC(p), "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern", nattrs,
                           kwd_patterns->len);
    for (int i = 0; i < nattrs; i++) {
        WfCodeLocation loc = LOC(kwd_patterns->items[i]);
        if (wf_cg_forbidden_name(c, loc, kwd_attrs->items[i], WF_AST_CTX_Store)) return -1;
        for (int j = i + 1; j < nattrs; j++)
            if (strcmp(kwd_attrs->items[i], kwd_attrs->items[j]) == 0)
                return wf_cg_error(c, LOC(kwd_patterns->items[j]), "attribute name repeated in class pattern: %s",
                                   kwd_attrs->items[i]);
    }
    VISIT(p->v.MatchClass.cls);
    WfObject *names = wf_tuple_new(nattrs);
    if (!names) return -1;
    for (int i = 0; i < nattrs; i++) {
        WfObject *n = wf_compile_intern(kwd_attrs->items[i]);
        if (!n) {
            for (int j = i; j < nattrs; j++) wf_tuple_set_take(names, j, wf_None);
            wf_decref(names);
            return -1;
        }
        wf_tuple_set_take(names, i, n);
    }
    RETURN_IF_ERROR(wf_cg_load_const_take(c, names, LOC(p)));
    ADDOP_I(WF_OP_MATCH_CLASS, nargs, LOC(p));
    ADDOP_I(WF_OP_COPY, 1, LOC(p));
    RETURN_IF_ERROR(wf_cg_load_const(c, wf_None, LOC(p)));
    ADDOP_I(WF_OP_IS_OP, 1, LOC(p));
    pc->on_top++;
    RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, WF_OP_POP_JUMP_IF_FALSE));
    ADDOP_I(WF_OP_UNPACK_SEQUENCE, nargs + nattrs, LOC(p));
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        const WfAstNode *sub = i < nargs ? patterns->items[i] : kwd_patterns->items[i - nargs];
        if (wildcard_check(sub)) {
            ADDOP(WF_OP_POP_TOP, LOC(p));
            continue;
        }
        RETURN_IF_ERROR(pattern_subpattern(c, sub, pc));
    }
    return 0;
}

// Value of a literal key / value pattern when it folds to a constant (new ref).
static WfObject *literal_value(WfCompiler *c, const WfAstNode *e, int *err) {
    if (e->kind == WF_AST_Attribute) return NULL;
    return wf_cg_fold_constant(c, e, err);
}

static int pattern_mapping(WfCompiler *c, const WfAstNode *p, PatternContext *pc) {
    const WfAstSeq *keys = p->v.MatchMapping.keys, *patterns = p->v.MatchMapping.patterns;
    int size = keys->len;
    if (size != patterns->len)
        return wf_cg_error(c, LOC(p), "keys (%d) / patterns (%d) length mismatch in mapping pattern", size,
                           patterns->len);
    const char *star_target = p->v.MatchMapping.rest;
    pc->on_top++;
    ADDOP(WF_OP_MATCH_MAPPING, LOC(p));
    RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, WF_OP_POP_JUMP_IF_FALSE));
    if (!size && !star_target) {
        pc->on_top--;
        ADDOP(WF_OP_POP_TOP, LOC(p));
        return 0;
    }
    if (size) {
        ADDOP(WF_OP_GET_LEN, LOC(p));
        RETURN_IF_ERROR(wf_cg_load_const(c, wf_smallint_new(size), LOC(p)));
        RETURN_IF_ERROR(compare(c, LOC(p), WF_GE));
        RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, WF_OP_POP_JUMP_IF_FALSE));
    }
    WfObject **seen = wf_mem_calloc((size_t)size + 1, sizeof(WfObject *));
    if (!seen) {
        wf_err_no_memory();
        return -1;
    }
    int nseen = 0, r = 0;
    for (int i = 0; i < size && r >= 0; i++) {
        const WfAstNode *key = keys->items[i];
        if (!key) {
            r = wf_cg_error(c, LOC(patterns->items[i]),
                            "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
            break;
        }
        int err = 0;
        WfObject *v = literal_value(c, key, &err);
        if (err) {
            r = -1;
            break;
        }
        if (v) {
            for (int k = 0; k < nseen; k++) {
                int eq = wf_object_richcompare_bool(seen[k], v, WF_EQ);
                if (eq < 0) {
                    wf_err_clear();
                    continue;
                }
                if (eq) {
                    WfObject *rep = wf_object_repr(v);
                    r = wf_cg_error(c, LOC(p), "mapping pattern checks duplicate key (%s)",
                                    rep ? wf_str_as_utf8_borrow(rep) : "?");
                    WF_XDECREF(rep);
                    break;
                }
            }
            if (r < 0) {
                wf_decref(v);
                break;
            }
            seen[nseen++] = v;
            r = wf_cg_load_const(c, v, LOC(key));
        } else if (key->kind != WF_AST_Attribute) {
            r = wf_cg_error(c, LOC(p), "mapping pattern keys may only match literals and attribute lookups");
        } else {
            r = wf_cg_visit_expr(c, key);
        }
    }
    for (int k = 0; k < nseen; k++) wf_decref(seen[k]);
    wf_mem_free(seen);
    RETURN_IF_ERROR(r);
    ADDOP_I(WF_OP_BUILD_TUPLE, size, LOC(p));
    ADDOP(WF_OP_MATCH_KEYS, LOC(p));
    pc->on_top += 2;
    ADDOP_I(WF_OP_COPY, 1, LOC(p));
    RETURN_IF_ERROR(wf_cg_load_const(c, wf_None, LOC(p)));
    ADDOP_I(WF_OP_IS_OP, 1, LOC(p));
    RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, WF_OP_POP_JUMP_IF_FALSE));
    ADDOP_I(WF_OP_UNPACK_SEQUENCE, size, LOC(p));
    pc->on_top += size - 1;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        RETURN_IF_ERROR(pattern_subpattern(c, patterns->items[i], pc));
    }
    pc->on_top -= 2;
    if (star_target) {
        // rest = dict(subject); for key in keys: del rest[key]
        ADDOP_I(WF_OP_BUILD_MAP, 0, LOC(p));
        ADDOP_I(WF_OP_SWAP, 3, LOC(p));
        ADDOP_I(WF_OP_DICT_UPDATE, 2, LOC(p));
        ADDOP_I(WF_OP_UNPACK_SEQUENCE, size, LOC(p));
        while (size) {
            ADDOP_I(WF_OP_COPY, 1 + size--, LOC(p));
            ADDOP_I(WF_OP_SWAP, 2, LOC(p));
            ADDOP(WF_OP_DELETE_SUBSCR, LOC(p));
        }
        return store_name(c, LOC(p), star_target, pc);
    }
    ADDOP(WF_OP_POP_TOP, LOC(p));  // tuple of keys
    ADDOP(WF_OP_POP_TOP, LOC(p));  // subject
    return 0;
}

static int pattern_or(WfCompiler *c, const WfAstNode *p, PatternContext *pc) {
    NEW_LABEL(end);
    int size = p->v.MatchOr.patterns->len;
    PatternContext old_pc = *pc;
    NameVec control = { NULL, 0, 0 };
    int r = -1;
    pc->stores = (NameVec){ NULL, 0, 0 };
    for (int i = 0; i < size; i++) {
        const WfAstNode *alt = p->v.MatchOr.patterns->items[i];
        wf_mem_free(pc->stores.items);
        pc->stores = (NameVec){ NULL, 0, 0 };
        pc->allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (wf_cg_addop(c, WF_OP_COPY, 1, LOC(alt)) < 0 || pattern(c, alt, pc) < 0) goto error;
        int nstores = pc->stores.n;
        if (!i) {
            control.items = wf_mem_malloc(sizeof(WfObject *) * (size_t)(nstores + 1));
            if (!control.items) {
                wf_err_no_memory();
                goto error;
            }
            if (nstores) memcpy(control.items, pc->stores.items, sizeof(WfObject *) * (size_t)nstores);
            control.n = control.cap = nstores;
        } else if (nstores != control.n) {
            goto diff;
        } else if (nstores) {
            // Reorder the captures on the stack to match control's order.
            for (int icontrol = nstores - 1; icontrol >= 0; icontrol--) {
                WfObject *name = control.items[icontrol];
                int istores = namevec_index(&pc->stores, name);
                if (istores < 0) goto diff;
                if (icontrol != istores) {
                    int rotations = istores + 1;
                    // rotated = stores[:rotations]; del stores[:rotations];
                    // stores[icontrol-istores:icontrol-istores] = rotated
                    WfObject *tmp[64];
                    WfObject **rot = rotations <= 64 ? tmp : wf_mem_malloc(sizeof(WfObject *) * (size_t)rotations);
                    if (!rot) {
                        wf_err_no_memory();
                        goto error;
                    }
                    memcpy(rot, pc->stores.items, sizeof(WfObject *) * (size_t)rotations);
                    memmove(pc->stores.items, pc->stores.items + rotations,
                            sizeof(WfObject *) * (size_t)(pc->stores.n - rotations));
                    int at = icontrol - istores;
                    memmove(pc->stores.items + at + rotations, pc->stores.items + at,
                            sizeof(WfObject *) * (size_t)(pc->stores.n - rotations - at));
                    memcpy(pc->stores.items + at, rot, sizeof(WfObject *) * (size_t)rotations);
                    if (rot != tmp) wf_mem_free(rot);
                    while (rotations--)
                        if (pattern_rotate(c, LOC(alt), icontrol + 1) < 0) goto error;
                }
            }
        }
        if (wf_cg_jump(c, WF_PSEUDO_JUMP, end, LOC(alt)) < 0 || emit_and_reset_fail_pop(c, LOC(alt), pc) < 0)
            goto error;
    }
    wf_mem_free(pc->stores.items);
    *pc = old_pc;
    old_pc.fail_pop = NULL;
    // No match: pop the remaining copy of the subject and fail.
    if (wf_cg_addop(c, WF_OP_POP_TOP, 0, LOC(p)) < 0 || jump_to_fail_pop(c, LOC(p), pc, WF_PSEUDO_JUMP) < 0)
        goto error_restored;
    USE_LABEL(end);
    int nrots = control.n + 1 + pc->on_top + pc->stores.n;
    for (int i = 0; i < control.n; i++) {
        if (pattern_rotate(c, LOC(p), nrots) < 0) goto error_restored;
        WfObject *name = control.items[i];
        if (namevec_index(&pc->stores, name) >= 0) {
            error_duplicate_store(c, LOC(p), name);
            goto error_restored;
        }
        if (namevec_push(&pc->stores, name) < 0) goto error_restored;
    }
    wf_mem_free(control.items);
    ADDOP(WF_OP_POP_TOP, LOC(p));
    return 0;
diff:
    wf_cg_error(c, LOC(p), "alternative patterns bind different names");
error:
    wf_mem_free(pc->fail_pop);
    wf_mem_free(pc->stores.items);
    *pc = old_pc;
error_restored:
    wf_mem_free(control.items);
    return r;
}

static int pattern_sequence(WfCompiler *c, const WfAstNode *p, PatternContext *pc) {
    const WfAstSeq *patterns = p->v.MatchSequence.patterns;
    int size = patterns->len, star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; i++) {
        const WfAstNode *sub = patterns->items[i];
        if (sub->kind == WF_AST_MatchStar) {
            if (star >= 0) return wf_cg_error(c, LOC(p), "multiple starred names in sequence pattern");
            star_wildcard = wildcard_star_check(sub);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= wildcard_check(sub);
    }
    pc->on_top++;
    ADDOP(WF_OP_MATCH_SEQUENCE, LOC(p));
    RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, WF_OP_POP_JUMP_IF_FALSE));
    if (star < 0) {
        ADDOP(WF_OP_GET_LEN, LOC(p));
        RETURN_IF_ERROR(wf_cg_load_const(c, wf_smallint_new(size), LOC(p)));
        RETURN_IF_ERROR(compare(c, LOC(p), WF_EQ));
        RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, WF_OP_POP_JUMP_IF_FALSE));
    } else if (!star_wildcard) {
        ADDOP(WF_OP_GET_LEN, LOC(p));
        RETURN_IF_ERROR(wf_cg_load_const(c, wf_smallint_new(size - 1), LOC(p)));
        RETURN_IF_ERROR(compare(c, LOC(p), WF_GE));
        RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, WF_OP_POP_JUMP_IF_FALSE));
    }
    pc->on_top--;
    if (only_wildcard) {
        ADDOP(WF_OP_POP_TOP, LOC(p));
        return 0;
    }
    if (star_wildcard) return sequence_subscr(c, LOC(p), patterns, star, pc);
    return sequence_unpack(c, LOC(p), patterns, pc);
}

static int pattern_value(WfCompiler *c, const WfAstNode *p, PatternContext *pc) {
    const WfAstNode *value = p->v.MatchValue.value;
    int err = 0;
    WfObject *v = literal_value(c, value, &err);
    if (err) return -1;
    if (v) {
        RETURN_IF_ERROR(wf_cg_load_const_take(c, v, LOC(value)));
    } else if (value->kind == WF_AST_Attribute) {
        VISIT(value);
    } else {
        return wf_cg_error(c, LOC(p), "patterns may only match literals and attribute lookups");
    }
    RETURN_IF_ERROR(compare(c, LOC(p), WF_EQ));
    return jump_to_fail_pop(c, LOC(p), pc, WF_OP_POP_JUMP_IF_FALSE);
}

static int pattern_singleton(WfCompiler *c, const WfAstNode *p, PatternContext *pc) {
    WfObject *v = wf_cg_constant_value(c, &p->v.MatchSingleton.value);
    RETURN_IF_ERROR(wf_cg_load_const_take(c, v, LOC(p)));
    ADDOP_I(WF_OP_IS_OP, 0, LOC(p));
    return jump_to_fail_pop(c, LOC(p), pc, WF_OP_POP_JUMP_IF_FALSE);
}

static int pattern(WfCompiler *c, const WfAstNode *p, PatternContext *pc) {
    switch (p->kind) {
    case WF_AST_MatchValue: return pattern_value(c, p, pc);
    case WF_AST_MatchSingleton: return pattern_singleton(c, p, pc);
    case WF_AST_MatchSequence: return pattern_sequence(c, p, pc);
    case WF_AST_MatchMapping: return pattern_mapping(c, p, pc);
    case WF_AST_MatchClass: return pattern_class(c, p, pc);
    case WF_AST_MatchStar: return store_name(c, LOC(p), p->v.MatchStar.name, pc);
    case WF_AST_MatchAs: return pattern_as(c, p, pc);
    case WF_AST_MatchOr: return pattern_or(c, p, pc);
    default: return wf_cg_error(c, LOC(p), "invalid match pattern node in AST (kind=%d)", (int)p->kind);
    }
}

static int match_inner(WfCompiler *c, const WfAstNode *s, PatternContext *pc) {
    VISIT(s->v.Match.subject);
    NEW_LABEL(end);
    int cases = s->v.Match.cases->len;
    const WfAstNode *m = s->v.Match.cases->items[cases - 1];
    int has_default = wildcard_check(m->v.match_case.pattern) && 1 < cases;
    for (int i = 0; i < cases - has_default; i++) {
        m = s->v.Match.cases->items[i];
        const WfAstNode *pat = m->v.match_case.pattern;
        if (i != cases - has_default - 1) ADDOP_I(WF_OP_COPY, 1, LOC(pat));
        pc->stores = (NameVec){ NULL, 0, 0 };
        pc->allow_irrefutable = m->v.match_case.guard != NULL || i == cases - 1;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        int r = pattern(c, pat, pc);
        for (int n = 0; r >= 0 && n < pc->stores.n; n++)
            r = wf_cg_nameop(c, pc->stores.items[n], WF_AST_CTX_Store, LOC(pat));
        wf_mem_free(pc->stores.items);
        pc->stores = (NameVec){ NULL, 0, 0 };
        RETURN_IF_ERROR(r);
        if (m->v.match_case.guard) {
            RETURN_IF_ERROR(ensure_fail_pop(c, pc, 0));
            RETURN_IF_ERROR(wf_cg_jump_if(c, LOC(pat), m->v.match_case.guard, pc->fail_pop[0], 0));
        }
        if (i != cases - has_default - 1) ADDOP(WF_OP_POP_TOP, LOC(pat));
        RETURN_IF_ERROR(wf_cg_visit_stmts(c, m->v.match_case.body));
        ADDOP_JUMP(WF_PSEUDO_JUMP, end, NOLOC);
        RETURN_IF_ERROR(emit_and_reset_fail_pop(c, LOC(pat), pc));
    }
    if (has_default) {
        m = s->v.Match.cases->items[cases - 1];
        const WfAstNode *pat = m->v.match_case.pattern;
        if (cases == 1) ADDOP(WF_OP_POP_TOP, LOC(pat));
        else ADDOP(WF_OP_NOP, LOC(pat));
        if (m->v.match_case.guard) RETURN_IF_ERROR(wf_cg_jump_if(c, LOC(pat), m->v.match_case.guard, end, 0));
        RETURN_IF_ERROR(wf_cg_visit_stmts(c, m->v.match_case.body));
    }
    USE_LABEL(end);
    return 0;
}

int wf_cg_match(WfCompiler *c, const WfAstNode *s) {
    PatternContext pc;
    memset(&pc, 0, sizeof pc);
    int r = match_inner(c, s, &pc);
    wf_mem_free(pc.fail_pop);
    wf_mem_free(pc.stores.items);
    return r;
}
