import Foundation

/// What to report: the as-at date, which position (now, or a closed review's snapshot), and filters.
public struct ReportOptions: Sendable {
    /// Overrides the as-at date (else the review's, else the plan's, else `today`).
    public var asAt: Day?
    /// Report the frozen snapshot of this closed review instead of the current position.
    public var review: Int?
    /// Only targets led by this officer (matched as `list --officer` matches).
    public var officer: String?
    /// Only exceptions in the detail: targets not met, or overdue.
    public var exceptionsOnly = false
    /// The as-at date when nothing else gives one.
    public var today: Day

    public init(asAt: Day? = nil, review: Int? = nil, officer: String? = nil, exceptionsOnly: Bool = false, today: Day) {
        self.asAt = asAt
        self.review = review
        self.officer = officer
        self.exceptionsOnly = exceptionsOnly
        self.today = today
    }
}

/// A committee progress report, laid out as Luton's "Outcomes Progress Report" (seed 004): a summary
/// per Key Issue, the exceptions, then per Key Issue and objective the action, its expected outcome
/// and a table of targets. Built once from a plan; rendered as Markdown, HTML or CSV. Text here is as
/// in the plan (each renderer escapes it for its format).
public struct ProgressReport: Sendable {
    public var planID: String
    public var planTitle: String
    /// "<plan title> – Outcomes Progress Report as at 21 January 2008".
    public var title: String
    /// What narrows the report, for the heading: "only targets led by “Head of HR”", "exceptions only …".
    public var scope: [String]
    public var organisation: String
    public var department: String
    public var asAt: Day
    /// The review whose snapshot is reported (nil: the current position).
    public var review: Review?
    /// What the direction of travel is measured against (nil: nothing to compare with); see `Baseline`.
    public var baseline: Baseline?
    public var summary: [SummaryRow]
    public var total: SummaryRow
    public var exceptions: [Line]
    public var sections: [IssueSection]
    /// The plan's position at each closed review up to the one reported, then the position reported
    /// when it is the current one: the trend across reviews.
    public var trend: [TrendPoint]
    /// Targets with a measure, with the actual at each point of the trend.
    public var measures: [MeasureTrend]

    public struct SummaryRow: Sendable {
        /// nil for the total row.
        public var number: Int?
        public var title: String
        public var tally: Tally
        public var previous: Tally?
        public var direction: Direction?
        /// Every target of the Key Issue in scope (whatever `--exceptions` leaves in the detail), for the
        /// covering report's progress section.
        public var lines: [Line]
    }

    public struct IssueSection: Sendable {
        public var number: Int
        public var title: String
        public var objectives: [ObjectiveSection]
    }

    public struct ObjectiveSection: Sendable {
        /// "Customer and Corporate Services 1 (CCS1)", "CCS1", "Objective 2".
        public var heading: String
        /// The code or number label ("CCS1", "4."); "" when the document has none.
        public var label: String
        public var action: String
        public var expectedOutcome: String
        public var lines: [Line]
    }

    /// One target row.
    public struct Line: Sendable {
        public var issueNumber: Int
        public var issueTitle: String
        /// The objective's code or number as the plan gives it ("CCS1", "4."; "" when none).
        public var objectiveLabel: String
        /// How the exceptions name the objective: its code ("CCS1"), which is unique; else with the Key
        /// Issue, as numbers repeat from one Key Issue to the next ("Key Issue 2, objective 4").
        public var objectiveRef: String
        public var objectiveText: String
        public var expectedOutcome: String
        public var targetID: String
        /// The time scale as written ("March 2008").
        public var month: String
        public var due: Day?
        public var text: String
        public var officers: [String]
        public var status: Status
        public var overdue: Bool
        /// `Target.isException` at the as-at date (the one definition).
        public var isException: Bool
        public var comment: String
        public var forecast: String
        public var previousStatus: Status?
        public var direction: Direction?
        /// The measure's actual in the position reported (a review's snapshot, or now).
        public var measureActual: Double?

        /// Met now and not met at the baseline (or new since it): "met since the previous review".
        public var metSinceBaseline: Bool { direction != nil && status == .met && previousStatus != .met }
    }

    /// One point of the trend: the tallies of the plan and of each Key Issue (by number) at a closed
    /// review, or now.
    public struct TrendPoint: Sendable {
        /// nil for the current position.
        public var review: Review?
        public var asAt: Day
        public var tally: Tally
        public var issues: [Int: Tally]
        /// Against the point before (nil for the first).
        public var direction: Direction?

        /// "Review 1 (“January”), 21 January 2008", "Now, 1 February 2009".
        public var label: String {
            guard let review else { return "Now, \(asAt.longDescription)" }
            return "Review \(review.number)" + (review.title.isEmpty ? "" : " (“\(review.title)”)") + ", \(asAt.longDescription)"
        }
    }

    public static let exceptionRule = Target.exceptionRule

    /// Builds the report. Throws when `--review N` names a review the plan does not have, or one still open.
    public init(plan source: Plan, options: ReportOptions) throws(ReviewError) {
        var plan = source
        var review: Review?
        if let n = options.review {
            let r = try source.closedReview(number: n)
            review = r
            plan = source.atReview(r)
        }
        let asAt = options.asAt ?? review?.asAt ?? source.asAt ?? options.today
        let baseline = source.directionBaseline(reporting: options.review)
        let comparison = baseline.map { plan.compare(with: $0.asReview, asOf: asAt) }
        let officer = options.officer.map(OfficerQuery.init)

        self.planID = source.id
        self.planTitle = source.title
        self.organisation = source.organisation
        self.department = source.department
        self.asAt = asAt
        self.review = review
        self.baseline = baseline
        var scope: [String] = []
        if let o = options.officer { scope.append("only targets led by “\(o)”") }
        if options.exceptionsOnly { scope.append("exceptions only: \(ProgressReport.exceptionRule)") }
        self.scope = scope
        self.title = "\(ProgressReport.baseTitle(source.title)) – Outcomes Progress Report as at \(asAt.longDescription)"

        var summary: [SummaryRow] = []
        var exceptions: [Line] = []
        var sections: [IssueSection] = []
        var total = Tally(), totalThen = Tally()
        var allLines: [Line] = []
        var measured: [(Line, Measure)] = []
        var inScope: [Int: Set<String>] = [:]
        for issue in plan.keyIssues {
            var tally = Tally(), then = Tally()
            var objectives: [ObjectiveSection] = []
            var issueLines: [Line] = []
            for (position, objective) in issue.objectives.enumerated() {
                let heading = ProgressReport.heading(of: objective, in: issue, position: position + 1)
                let code = objective.code ?? ""
                let ref = code.isEmpty ? "Key Issue \(issue.number), objective \(objective.number ?? position + 1)" : code
                var lines: [Line] = []
                for t in objective.targets {
                    if let officer, !officer.matches(t) { continue }
                    inScope[issue.number, default: []].insert(t.id)
                    tally.add(t, asOf: asAt)
                    let before = comparison?.previousStatus[t.id]
                    if let before, let baseline {
                        var past = t
                        past.status = before
                        then.add(past, asOf: baseline.asAt)
                    }
                    let line = Line(
                        issueNumber: issue.number, issueTitle: issue.title,
                        objectiveLabel: objective.label, objectiveRef: ref,
                        objectiveText: objective.text, expectedOutcome: objective.expectedOutcome,
                        targetID: t.id, month: t.timescale, due: t.due, text: t.text, officers: t.leadOfficers,
                        status: t.status, overdue: t.isOverdue(asOf: asAt), isException: t.isException(asOf: asAt),
                        comment: t.comment, forecast: t.forecast,
                        previousStatus: before, direction: comparison.map { _ in Direction.of(t.status, then: before) },
                        measureActual: review.flatMap { r in r.snapshot.first { $0.id == t.id }?.actual } ?? t.measure?.actual)
                    issueLines.append(line)
                    if let m = t.measure, !m.isEmpty { measured.append((line, m)) }
                    if line.isException { exceptions.append(line) }
                    if !options.exceptionsOnly || line.isException { lines.append(line) }
                }
                if !lines.isEmpty {
                    objectives.append(ObjectiveSection(heading: heading, label: objective.label, action: objective.text,
                                                       expectedOutcome: objective.expectedOutcome, lines: lines))
                }
            }
            // A filter that leaves a Key Issue without targets leaves it out of the report.
            if officer != nil && tally.total == 0 { continue }
            summary.append(SummaryRow(number: issue.number, title: issue.title, tally: tally,
                                      previous: comparison == nil ? nil : then,
                                      direction: comparison == nil ? nil : Direction.of(tally, then: then),
                                      lines: issueLines))
            if !objectives.isEmpty { sections.append(IssueSection(number: issue.number, title: issue.title, objectives: objectives)) }
            total = total + tally
            totalThen = totalThen + then
            allLines += issueLines
        }
        self.summary = summary
        self.total = SummaryRow(number: nil, title: "All Key Issues", tally: total,
                                previous: comparison == nil ? nil : totalThen,
                                direction: comparison == nil ? nil : Direction.of(total, then: totalThen),
                                lines: allLines)
        self.exceptions = exceptions
        self.sections = sections
        self.trend = ProgressReport.trend(of: source, upTo: review, now: review == nil ? (total, summary, asAt) : nil,
                                          inScope: inScope)
        self.measures = ProgressReport.measureTrends(measured, trend: trend)
    }

    /// The tallies at each closed review (up to `upTo`, when a review is reported), counting only the
    /// targets in scope (by Key Issue, as the plan is now), then the current position.
    static func trend(of plan: Plan, upTo: Review?, now: (Tally, [SummaryRow], Day)?, inScope: [Int: Set<String>]) -> [TrendPoint] {
        var dueByID: [String: Day] = [:]
        for t in plan.allTargets { if let due = t.due { dueByID[t.id] = due } }
        var issueOf: [String: Int] = [:]
        for (number, ids) in inScope { for id in ids { issueOf[id] = number } }
        var points: [TrendPoint] = []
        for r in plan.closedReviews where upTo == nil || r.number <= upTo!.number {
            var tally = Tally()
            var issues: [Int: Tally] = [:]
            for s in r.snapshot {
                guard let number = issueOf[s.id] else { continue }
                let t = Target(id: s.id, text: "", due: dueByID[s.id], status: s.status)
                tally.add(t, asOf: r.asAt)
                issues[number, default: Tally()].add(t, asOf: r.asAt)
            }
            points.append(TrendPoint(review: r, asAt: r.asAt, tally: tally, issues: issues,
                                     direction: points.last.map { Direction.of(tally, then: $0.tally) }))
        }
        if let (tally, rows, asAt) = now {
            var issues: [Int: Tally] = [:]
            for row in rows { if let n = row.number { issues[n] = row.tally } }
            points.append(TrendPoint(review: nil, asAt: asAt, tally: tally, issues: issues,
                                     direction: points.last.map { Direction.of(tally, then: $0.tally) }))
        }
        return points
    }

    /// The title with the scope, as headings print it.
    public var heading: String {
        scope.isEmpty ? title : "\(title) (\(scope.joined(separator: "; ")))"
    }

    /// One sentence on what the report shows and what it compares with.
    public var basis: String {
        var s: String
        if let review {
            s = "Position frozen at review \(review.number)" + (review.title.isEmpty ? "" : " (“\(review.title)”)")
                + ", as at \(review.asAt.longDescription)."
        } else {
            s = "Current position."
        }
        if let baseline {
            s += " Direction of travel is against \(baseline.longName)"
                + (baseline.kind == .opening ? ", as there is no earlier closed review." : ".")
        } else {
            s += " There is no earlier review to compare with, so no direction of travel is shown."
        }
        return s
    }

    /// A plan title that already names the progress report ("… Action Plan – Outcomes Progress Report
    /// as at 21st January 2008", as seed 004 is titled) loses that part, so the report's own as-at
    /// date is not contradicted by the one in the title.
    public static func baseTitle(_ title: String) -> String {
        let pattern = #"\s*[–—-]\s*(Outcomes\s+)?Progress Report\b.*$"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return title }
        let range = NSRange(title.startIndex..., in: title)
        let stripped = regex.stringByReplacingMatches(in: title, range: range, withTemplate: "")
        return stripped.isEmpty ? title : stripped
    }

    /// Seed 004 heads each action "Customer and Corporate Services 1 (CCS1)": Key Issue title, number
    /// and code. Otherwise the code alone, or "Objective N".
    static func heading(of objective: Objective, in issue: KeyIssue, position: Int) -> String {
        let code = objective.code ?? ""
        switch (objective.number, code.isEmpty) {
        case (let n?, false): return "\(issue.title) \(n) (\(code))"
        case (nil, false): return code
        case (let n?, true): return "Objective \(n)"
        case (nil, true): return "Objective \(position)"
        }
    }
}

extension ProgressReport {
    /// A target with a measure: baseline → target, and the actual at each point of the trend.
    public struct MeasureTrend: Sendable {
        public var ref: String
        public var text: String
        public var measure: Measure
        /// One per `trend` point (nil: not recorded then).
        public var actuals: [Double?]

        /// "52.5% → 55% (higher is better)".
        public var goal: String {
            let better = measure.better.map { " (\($0.rawValue) is better)" } ?? ""
            switch (measure.baseline, measure.target) {
            case let (b?, t?): return "\(format(b)) → \(format(t))" + better
            case let (nil, t?): return "target \(format(t))" + better
            case let (b?, nil): return "baseline \(format(b))" + better
            case (nil, nil): return better.trimmingCharacters(in: .whitespaces)
            }
        }

        public func format(_ v: Double?) -> String {
            guard let v else { return "–" }
            let s = v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
            return s + (measure.unit ?? "")
        }
    }

    /// The targets in scope that have a measure, with their actual at each closed review (from the
    /// snapshots) and in the position reported: the measures over time.
    static func measureTrends(_ measured: [(Line, Measure)], trend: [TrendPoint]) -> [MeasureTrend] {
        let byReview = trend.map { p in p.review.map { r in Dictionary(r.snapshot.map { ($0.id, $0.actual) }, uniquingKeysWith: { a, _ in a }) } }
        return measured.map { line, m in
            MeasureTrend(ref: line.objectiveRef, text: line.text, measure: m, actuals: byReview.map { snapshot in
                guard let snapshot else { return line.measureActual }
                return snapshot[line.targetID] ?? nil
            })
        }
    }

    /// The trend per Key Issue: a column per point (each closed review, then now), a row per Key Issue,
    /// each cell the counts in words ("2 met, 1 partly, 0 not met, 1 not assessed").
    public struct TrendTable: Sendable {
        public struct Row: Sendable {
            public var name: String
            public var cells: [String]
        }
        public var columns: [String]
        public var rows: [Row]
    }

    /// "Review 1", …, "Now": the trend's points as column headings.
    public var trendColumns: [String] { trend.map { p in p.review.map { "Review \($0.number)" } ?? "Now" } }

    /// The measures over time as a table: ref, target, baseline → target, then a column per point.
    public var measuresTable: TrendTable {
        TrendTable(columns: ["Ref", "Target", "Baseline → target"] + trendColumns, rows: measures.map { m in
            TrendTable.Row(name: m.ref, cells: [m.text, m.goal] + m.actuals.map(m.format))
        })
    }

    public var trendByKeyIssue: TrendTable {
        let columns = trendColumns
        let rows = summary.map { s in
            TrendTable.Row(name: "\(s.number ?? 0). \(s.title)", cells: trend.map { p in
                let t = p.issues[s.number ?? 0] ?? Tally()
                return "\(t.met) met, \(t.partiallyMet) partly, \(t.notMet) not met, \(t.notAssessed) not assessed"
            })
        }
        return TrendTable(columns: columns, rows: rows)
    }
}

extension ProgressReport.SummaryRow {
    /// "61%".
    public var percentMet: String { "\(tally.percentMet)%" }
}
