"""The benchmark's figures beside their targets (issue 9): a console table and bench/RESULTS.md."""

from __future__ import annotations

# Targets of issue 9, by kind of path.
MAX_QUERIES = 6
RATIO_TARGETS = {"api-list": 8.0, "count": 8.0, "api-detail": 5.0, "html": 12.0}
MAX_GROWTH = 1.3
MIN_SEARCH_SPEEDUP = 20.0
MAX_304_QUERIES = 1
MAX_EXPORT_GROWTH_MIB = 50.0
MAX_SEED_SECONDS = 5 * 60
# Paths whose cost grows with the data by their nature: growth is shown, not judged.
UNBOUNDED = {"search_broad", "overdue_count", "calendar_feed", "export_csv"}
LIST_KINDS = {"api-list", "html", "count"}


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("PASS" if ok else "FAIL")


def path_rows(results: dict[int, dict]) -> list[dict]:
    """One row per path with its figures at M and L and each target's verdict."""
    m, large = results.get(1, {}).get("paths", {}), results.get(10, {}).get("paths", {})
    names = list(large or m)
    rows = []
    for name in names:
        at_m, at_l = m.get(name), large.get(name)
        any_scale = at_l or at_m
        kind = any_scale["kind"]
        row = {"name": name, "label": any_scale["label"], "kind": kind, "m": at_m, "l": at_l}
        # Queries: at L, and the same at 1 row and at a full page.
        queries = at_l["queries"] if at_l else at_m["queries"]
        row["queries"] = queries
        if any_scale.get("informational"):
            row.update(queries_ok=None, queries_target="", ratio_target=None, ratio_ok=None)
            row["growth"] = at_l["app"]["median"] / at_m["app"]["median"] if at_m and at_l else None
            row["limit_growth"] = (
                at_l["limit"]["median"] / at_m["limit"]["median"] if at_m and at_l else None
            )
            row["growth_ok"] = None
            rows.append(row)
            continue
        if kind == "conditional":
            row["queries_ok"] = queries["total"] <= MAX_304_QUERIES
            row["queries_target"] = f"≤ {MAX_304_QUERIES}"
        elif kind in LIST_KINDS or any_scale.get("paginated"):
            same = True
            for scale in (at_m, at_l):
                if scale and "queries_few" in scale:
                    same = same and (
                        scale["queries_few"]["total"] == scale["queries_many"]["total"]
                    )
            row["queries_ok"] = queries["total"] <= MAX_QUERIES and same
            row["queries_target"] = f"≤ {MAX_QUERIES}, same at 1 and many rows"
            row["queries_same"] = same
        else:
            row["queries_ok"] = None
            row["queries_target"] = ""
        # The issue sets no ratio for a 304, only its query count.
        target = RATIO_TARGETS.get(kind)
        row["ratio_target"] = target
        row["ratio_ok"] = None if (target is None or not at_l) else at_l["ratio"] <= target
        if at_m and at_l:
            row["growth"] = at_l["app"]["median"] / at_m["app"]["median"]
            row["limit_growth"] = at_l["limit"]["median"] / at_m["limit"]["median"]
            judged = any_scale.get("paginated") and name not in UNBOUNDED
            row["growth_ok"] = row["growth"] <= MAX_GROWTH if judged else None
        else:
            row["growth"] = row["limit_growth"] = row["growth_ok"] = None
        rows.append(row)
    return rows


def _ms(value: dict | None, key: str = "median") -> str:
    return f"{value[key]:.2f}" if value else "—"


def _queries(row: dict) -> str:
    q = row["queries"]
    text = f"{q['total']} ({q['auth']}+{q['view']})"
    scale = row["l"] or row["m"]
    if scale and "queries_few" in scale:
        text += f"; {scale['queries_few']['total']} @{scale['rows_few']} rows"
        text += f", {scale['queries_many']['total']} @{scale['rows_many']} rows"
    return text


def render_table(results: dict[int, dict], info: dict) -> str:
    rows = path_rows(results)
    header = (
        f"{'path':<18} {'M app':>8} {'M lim':>7} {'L app':>8} {'L p95':>8} {'L lim':>7} "
        f"{'ratio':>6} {'target':>6} {'growth':>6} {'queries (auth+view)':<34} {'MiB':>5}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        m, large = row["m"], row["l"]
        ratio = f"{large['ratio']:.1f}×" if large else "—"
        target = f"≤{row['ratio_target']:.0f}×" if row["ratio_target"] else ""
        if row["ratio_ok"] is False:
            target += "!"
        growth = f"{row['growth']:.2f}" if row["growth"] else "—"
        if row["growth_ok"] is False:
            growth += "!"
        memory = (large or m).get("memory_mib")
        lines.append(
            f"{row['name']:<18} {_ms(m and m['app']):>8} {_ms(m and m['limit']):>7} "
            f"{_ms(large and large['app']):>8} {_ms(large and large['app'], 'p95'):>8} "
            f"{_ms(large and large['limit']):>7} {ratio:>6} {target:>6} {growth:>6} "
            f"{_queries(row):<34} {'—' if memory is None else f'{memory:.1f}':>5}"
        )
    lines.append("")
    lines.extend(summary_lines(results, rows))
    return "\n".join(lines)


def checks(results: dict[int, dict], rows: list[dict]) -> list[tuple[str, str, str, bool | None]]:
    """(what, figure, target, ok) for every target of the issue."""
    out = []
    for row in rows:
        if row["queries_ok"] is not None:
            figure = _queries(row)
            out.append((f"{row['name']}: queries per request", figure, row["queries_target"],
                        row["queries_ok"]))  # fmt: skip
    for row in rows:
        if row["ratio_target"] and row["l"]:
            out.append((f"{row['name']}: ratio app / limit at L", f"{row['l']['ratio']:.1f}×",
                        f"≤ {row['ratio_target']:.0f}×", row["ratio_ok"]))  # fmt: skip
    for row in rows:
        if row["growth"] is not None:
            target = f"≤ {MAX_GROWTH}×" if row["growth_ok"] is not None else "(not judged)"
            out.append((f"{row['name']}: growth L / M", f"{row['growth']:.2f}×", target,
                        row["growth_ok"]))  # fmt: skip
    search = (results.get(10) or results.get(1) or {}).get("search_index")
    if search:
        for label, figures in search.items():
            uses = figures["uses_gin"]
            out.append((f"search ({label}): EXPLAIN uses agreement_search_gin",
                        "yes" if uses else "no", "yes", uses))  # fmt: skip
            out.append((f"search ({label}): indexed vs unindexed SearchVector",
                        f"{figures['speedup']:.0f}× faster", f"≥ {MIN_SEARCH_SPEEDUP:.0f}×",
                        figures["speedup"] >= MIN_SEARCH_SPEEDUP))  # fmt: skip
    for scale, result in sorted(results.items()):
        memory = result.get("export_memory")
        if memory and "rss_growth_mib" in memory:
            out.append((f"export at scale {scale} ({memory['rows']:,} rows): peak RSS growth",
                        f"{memory['rss_growth_mib']:.1f} MiB", f"≤ {MAX_EXPORT_GROWTH_MIB:.0f} MB",
                        memory["rss_growth_mib"] <= MAX_EXPORT_GROWTH_MIB))  # fmt: skip
    seconds = results.get(10, {}).get("seed_seconds")
    if seconds:
        out.append(("seed_demo --scale 10", f"{seconds:.0f} s", "< 300 s",
                    seconds < MAX_SEED_SECONDS))  # fmt: skip
    return out


def summary_lines(results: dict[int, dict], rows: list[dict]) -> list[str]:
    lines = []
    for what, figure, target, ok in checks(results, rows):
        lines.append(f"{verdict(ok):<4}  {what}: {figure} (target {target})")
    return lines


def render_markdown(results: dict[int, dict], info: dict) -> str:
    rows = path_rows(results)
    out = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/run.py); see bench/README.md for what is measured and how.",
        "",
        f"- **Date**: {info['date']}",
        f"- **Commit**: {info['commit']}",
        f"- **Machine**: {info['cpu']}, {info['cores']} cores, {info['ram']} RAM, {info['os']}",
        f"- **Python** {info['python']}, **PostgreSQL** {info['postgres']}",
        f"- **Repetitions**: {info['reps']} per path after warm-up (the CSV export: see its row),"
        f" seed {info['seed']}",
    ]
    for scale, result in sorted(results.items()):
        data = result["data"]
        seeded = result.get("seed_seconds")
        out.append(
            f"- **Scale {scale}** ({'M' if scale == 1 else 'L'}): {data['meetings']:,} meetings, "
            f"{data['agreements']:,} agreements, {data['follow_ups']:,} follow-up updates"
            + (f"; seeded in {seeded:.0f} s" if seeded else "")
        )
    out += [
        "",
        "Times are medians in milliseconds (p95 beside them) of the whole request through",
        "django.test.Client; *limit* is hand-written SQL for the same rows through a raw cursor",
        "plus orjson.dumps (bench/limits.py). Ratio = app / limit at L. Growth = app at L / app",
        "at M. Queries: total (authentication + the view's own) for the measured request, then",
        "at a page of 1 (or few) rows and at a full page.",
        "",
        "## Every path",
        "",
        "| path | M app (p95) | M limit | L app (p95) | L limit | ratio at L | growth L/M "
        "| queries | peak MiB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        m, large = row["m"], row["l"]
        ratio = f"{large['ratio']:.1f}×" if large else "—"
        if row["ratio_target"]:
            ratio += f" (≤ {row['ratio_target']:.0f}×: {verdict(row['ratio_ok'])})"
        growth = f"{row['growth']:.2f}×" if row["growth"] is not None else "—"
        if row["growth_ok"] is not None:
            growth += f" (≤ {MAX_GROWTH}×: {verdict(row['growth_ok'])})"
        elif row["growth"] is not None:
            growth += f" (limit {row['limit_growth']:.2f}×)"
        memory = (large or m).get("memory_mib")
        label = row["label"] + (f" — {(large or m)['note']}" if (large or m)["note"] else "")
        out.append(
            f"| **{row['name']}**: {label} "
            f"| {_ms(m and m['app'])} ({_ms(m and m['app'], 'p95')}) | {_ms(m and m['limit'])} "
            f"| {_ms(large and large['app'])} ({_ms(large and large['app'], 'p95')}) "
            f"| {_ms(large and large['limit'])} | {ratio} | {growth} | {_queries(row)} "
            f"| {'—' if memory is None else f'{memory:.1f}'} |"
        )
    out += ["", "## Targets", "", "| target | figure | wanted | |", "|---|---|---|---|"]
    for what, figure, target, ok in checks(results, rows):
        out.append(f"| {what} | {figure} | {target} | {verdict(ok)} |")
    search = (results.get(10) or {}).get("search_index")
    if search:
        out += ["", "## Search at L: the GIN index", ""]
        for label, figures in search.items():
            out += [
                f"“{figures['text']}” ({label}): {figures['matches']:,} matching agreements; "
                f"indexed {figures['indexed']['median']:.2f} ms, unindexed SearchVector "
                f"{figures['unindexed']['median']:.0f} ms ({figures['unindexed']['n']} runs), "
                f"{figures['speedup']:.0f}× faster; same 30 results: "
                f"{'yes' if figures['same_results'] else 'no'}.",
                "",
                "```",
                figures["plan"],
                "```",
                "",
            ]
    for scale, result in sorted(results.items()):
        memory = result.get("export_memory")
        if memory:
            python = memory.get("python_peak_mib")
            out.append(
                f"Export at scale {scale}: {memory['rows']:,} rows streamed; peak RSS growth "
                f"{memory.get('rss_growth_mib', float('nan')):.1f} MiB"
                + (f", peak Python memory (tracemalloc) {python:.1f} MiB." if python else ".")
            )
    if info.get("importer"):
        out += ["", "## The importer (bench/importer.py)", "", "```", info["importer"], "```"]
    out.append("")
    return "\n".join(out)
