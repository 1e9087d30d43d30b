/// What `import FILE --into PLAN_ID` prints: one line per change (the same list with `--dry-run`, before
/// anything is saved, and after a save), then a summary. Every line goes through `glyphs.clean`.
///
///     luton/t4: timescale "March 2009" → "Sept 2009"
///     luton/o3: target added: "Publish the scheme in Urdu" (luton/t41)
///     luton/t9: not in the file, kept (use --prune): "Review the complaints procedure"
public enum ReimportOutput {
    public static func lines(_ lines: [Reimport.Line], planID: String, dryRun: Bool, glyphs: Glyphs) -> [String] {
        func address(_ item: String?) -> String { item.map { "\(planID)/\($0)" } ?? planID }
        func quoted(_ s: String) -> String { "\"\(s)\"" }
        return lines.map { line in
            let text: String
            switch line {
            case .edited(let item, let field, let old, let new):
                let e = HistoryEntry(when: "", who: "", field: field, old: old, new: new)
                text = "\(address(item)): \(field.rawValue) \(HistoryOutput.change(e, glyphs: glyphs))"
            case .added(let kind, let parent, let title, let objectives, let targets, let id):
                var what = "\(kind.name) \(dryRun ? "would be added" : "added"): \(quoted(title))"
                if kind == .keyIssue { what += " (\(count(objectives, "objective")), \(count(targets, "target")))" }
                if kind == .objective { what += " (\(count(targets, "target")))" }
                text = "\(address(parent)): \(what)" + (id.map { " (\(planID)/\($0))" } ?? "")
            case .moved(let item, let from, let to):
                text = "\(address(item)): \(dryRun ? "would be moved" : "moved") from \(from) to \(to)"
            case .missing(let item, let kind, let title, let targets, let removed, let reason):
                let with = kind == .target ? "" : " (\(kind.name), with \(count(targets, "target")))"
                let what: String
                if removed { what = dryRun ? "not in the file, would be removed" : "not in the file, removed" }
                else if let reason { what = "not in the file, kept: \(reason)" }
                else { what = "not in the file, kept (use --prune)" }
                text = "\(address(item)): \(what): \(quoted(title))\(with)"
            case .outOfDate(let item, let field, let kept, let file, let who, let when):
                let e = HistoryEntry(when: "", who: "", field: field, old: file, new: kept)
                text = "\(address(item)): \(field.rawValue) kept \(HistoryOutput.shown(e, kept, glyphs: glyphs)): the file's \(HistoryOutput.shown(e, file, glyphs: glyphs)) is what it was before \(who) changed it at \(when)"
            case .notMoved(let item, let parent, let objective):
                text = "\(address(item)): the file has it under a new objective \(quoted(objective)); left in \(parent) (move it with `actionplan move`)"
            }
            return glyphs.clean(text)
        }
    }

    /// "3 changes: 1 edited, 1 added, 1 removed; 1 not in the file, kept (use --prune)", or "no changes".
    public static func summary(_ lines: [Reimport.Line], changes: Int, dryRun: Bool) -> String {
        var edited = 0, added = 0, moved = 0, removed = 0, kept = 0, outOfDate = 0
        for line in lines {
            switch line {
            case .edited: edited += 1
            case .added: added += 1
            case .moved: moved += 1
            case .missing(_, _, _, _, let r, _): if r { removed += 1 } else { kept += 1 }
            case .outOfDate: outOfDate += 1
            case .notMoved: break
            }
        }
        var parts: [String] = []
        if edited > 0 { parts.append("\(edited) field\(edited == 1 ? "" : "s") edited") }
        if added > 0 { parts.append("\(added) added") }
        if moved > 0 { parts.append("\(moved) moved") }
        if removed > 0 { parts.append("\(removed) removed") }
        var s = changes == 0 ? "no changes" : "\(count(changes, "change"))\(dryRun ? " would be made" : ""): " + parts.joined(separator: ", ")
        if outOfDate > 0 { s += "; \(count(outOfDate, "field")) kept where the file is older than the plan" }
        if kept > 0 { s += "; \(kept) not in the file, kept (use --prune to remove \(kept == 1 ? "it" : "them"))" }
        return s
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
