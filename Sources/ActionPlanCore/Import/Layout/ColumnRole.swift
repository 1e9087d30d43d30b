/// What a column of a council's table holds, recognised from its heading (`ColumnRole.recognise`).
/// The table is the documentation (README "How columns are recognised" prints it): headings are
/// compared lowercased, with punctuation and spacing ignored; an exact name wins, then the first
/// keyword rule in the order below (so "If not met, when?" is a forecast before "when" makes it a time
/// scale, and "Targets & Outcomes" is a target before "outcome" makes it an objective).
public enum ColumnRole: String, Sendable, CaseIterable {
    case keyIssue = "key issue"
    case objective
    case target
    case officers = "lead officers"
    case timescale = "time scale"
    case status
    case comment
    case measure = "success measure"
    case forecast
    case reference = "number"
    case targetID = "target id"
    case extra
    case ignore

    /// The spellings `--map 'Heading=ROLE'` accepts.
    public static func named(_ text: String) -> ColumnRole? {
        let n = normalise(text)
        switch n {
        case "key issue", "keyissue", "issue", "theme": return .keyIssue
        case "objective": return .objective
        case "target", "action": return .target
        case "lead officers", "lead", "officers", "leadofficers", "officer": return .officers
        case "time scale", "timescale", "due", "date": return .timescale
        case "status": return .status
        case "comment", "comments", "progress": return .comment
        case "measure", "success measure", "expected outcome": return .measure
        case "forecast", "next steps": return .forecast
        case "number", "ref", "reference", "code": return .reference
        case "target id", "id": return .targetID
        case "extra", "keep": return .extra
        case "ignore", "skip", "drop": return .ignore
        default: return nil
        }
    }

    /// Exact headings (normalised), as public plans write them.
    static let exact: [String: ColumnRole] = {
        var m: [String: ColumnRole] = [:]
        func add(_ role: ColumnRole, _ names: [String]) { for n in names { m[normalise(n)] = role } }
        add(.keyIssue, ["Key Issue", "Key Issues", "Theme", "Themes", "Key Issue Title", "Equality theme", "Strand"])
        add(.objective, ["Objective", "Objectives", "Key Objective", "Key Objectives", "Outcome", "Outcomes", "Aim", "Aims",
                         "Priority", "Priorities", "Key area", "Key areas", "Equality objective", "Equality objectives",
                         "Strategic objective", "Desired outcome", "Outcome sought"])
        add(.target, ["Action", "Actions", "Agreed actions", "Agreed action", "Activity", "Activities", "What we will do",
                      "What will we do", "Targets & Outcomes", "Targets and Outcomes", "Targets/Outcomes", "Target", "Targets",
                      "Milestone", "Milestones", "Task", "Tasks", "Key actions", "Action required", "Actions required",
                      "Specific actions", "Outcome / action", "Action / outcome"])
        add(.officers, ["Lead", "Lead officer", "Lead officers", "Lead officer(s)", "Lead officers(s)", "Responsible officer",
                        "Responsible officers", "Responsibility", "Delivery lead", "Owner", "Person responsible",
                        "Lead responsibility", "Who", "Officer", "Officers", "Responsible", "Accountable officer", "Lead service",
                        "Lead person", "Action owner", "Responsibility / Delivery lead"])
        add(.timescale, ["Time scale", "Timescale", "Time scales", "Timescales", "By when", "Target date", "Target date (MM/YY)",
                         "Deadline", "Date of completion", "Due", "Due date", "When", "Completion date", "Date", "Timeframe",
                         "Time frame", "Target completion date", "Month"])
        add(.status, ["Status", "RAG", "RAG status", "RAG rating", "Completed", "Progress status", "Met", "Achieved",
                      "Mark", "Complete", "Rating", "✓ = met x not met", "Met / not met"])
        add(.comment, ["Progress", "Update", "Updates", "Comments", "Comment", "Progress update", "Progress to date",
                       "Commentary", "Notes", "Evidence", "Progress made", "Progress comment", "Current position"])
        add(.measure, ["How will success be measured?", "How will success be measured", "Success measure", "Success measures",
                       "Measure", "Measures", "KPI", "KPIs", "Expected outcome", "Expected outcomes", "Performance measure",
                       "Performance indicator", "Success criteria", "Indicator", "Outcome measure", "Measure of success"])
        add(.forecast, ["Next steps", "Next step", "If not met, when?", "Forecast", "Further action", "Further actions",
                        "Is it expected that the action be met, if not already met, and if so when? If not why not?"])
        add(.reference, ["Ref", "Ref.", "Ref no", "Reference", "No", "No.", "Number", "#", "Item", "Code", "Action no",
                         "Action number", "Objective no", "Objective code", "Action code", "Item no"])
        add(.targetID, ["Target ID", "TargetID"])
        return m
    }()

    /// Keyword rules, in order: the first whose keyword the heading contains decides.
    static let keywords: [(String, ColumnRole)] = [
        ("if not met", .forecast), ("next step", .forecast), ("forecast", .forecast),
        ("success", .measure), ("measure", .measure), ("kpi", .measure), ("indicator", .measure), ("expected outcome", .measure),
        ("rag", .status), ("status", .status), ("completed", .status),
        ("target date", .timescale), ("time scale", .timescale), ("timescale", .timescale), ("deadline", .timescale),
        ("by when", .timescale), ("date", .timescale), ("due", .timescale),
        ("progress", .comment), ("update", .comment), ("comment", .comment),
        ("action", .target), ("activit", .target), ("what we will do", .target), ("milestone", .target), ("target", .target),
        ("task", .target),
        ("key issue", .keyIssue), ("theme", .keyIssue),
        ("objective", .objective), ("outcome", .objective), ("aim", .objective), ("priorit", .objective), ("key area", .objective),
        ("responsib", .officers), ("lead", .officers), ("owner", .officers), ("officer", .officers),
        ("when", .timescale),
        ("ref", .reference),
    ]

    /// The role of a heading and why ("the heading \"By when\"", "contains \"progress\"").
    static func recognise(_ heading: String) -> (ColumnRole, String)? {
        let n = normalise(heading)
        if n.isEmpty { return nil }
        if let r = exact[n] { return (r, "known heading") }
        let words = " " + n + " "
        for (k, r) in keywords where words.contains(k) {
            // Short keywords only as whole words: "ref" is not in "preferred", nor "aim" in "claims".
            if k.count <= 4 && !(words.contains(" \(k) ") || words.contains(" \(k)s ")) { continue }
            return (r, "heading contains \"\(k)\"")
        }
        return nil
    }

    /// Lowercase; letters, digits, & # ✓ kept, any other character a space; spaces squashed; a
    /// trailing "(s)" dropped.
    static func normalise(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "&" || ch == "#" || ch == "✓" { out.append(ch) } else { out.append(" ") }
        }
        var t = ImportText.squash(out)
        if t.hasSuffix(" s") { t.removeLast(2) } // "Lead officer(s)"
        return t
    }

    /// Where the role puts the value, for the preview.
    public var explanation: String {
        switch self {
        case .keyIssue: return "Key Issue"
        case .objective: return "objective"
        case .target: return "target text"
        case .officers: return "lead officers (split into people)"
        case .timescale: return "time scale (and the due date it gives)"
        case .status: return "status (word kept as written)"
        case .comment: return "comment"
        case .measure: return "success measure (kept on the target as an extra field)"
        case .forecast: return "forecast"
        case .reference: return "number / code"
        case .targetID: return "target id (matched on re-import)"
        case .extra: return "kept on each target as an extra field"
        case .ignore: return "ignored"
        }
    }
}
