import ActionPlanCore

/// Realistic synthetic plans for benchmarks: wording, officers and time scales in the style of the
/// seed documents, a mix of statuses, comments, forecasts and some history.
struct PlanGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    private mutating func sentence(_ words: Int) -> String {
        (0..<words).map { _ in pick(PlanGenerator.vocabulary) }.joined(separator: " ")
    }

    mutating func plan(id: String, targets: Int) -> Plan {
        var plan = Plan(id: id, title: "Benchmark Equalities Action Plan \(id)")
        plan.organisation = "Luton Borough Council"
        plan.period = Period(start: YearMonth(year: 2006, month: 4)!, end: YearMonth(year: 2007, month: 3)!)
        let issues = 5, objectivesPerIssue = 5
        let perObjective = max(1, targets / (issues * objectivesPerIssue))
        var made = 0
        for k in 1...issues {
            var issue = KeyIssue(number: k, title: pick(PlanGenerator.issueTitles), statement: sentence(30))
            for o in 1...objectivesPerIssue {
                var objective = Objective(number: o, text: sentence(12))
                let count = (k == issues && o == objectivesPerIssue) ? targets - made : min(perObjective, targets - made)
                for _ in 0..<max(0, count) {
                    made += 1
                    let timescale = pick(PlanGenerator.timescales)
                    var t = Target(id: "t\(made)", text: sentence(18), leadOfficers: [pick(PlanGenerator.officers), pick(PlanGenerator.officers)],
                                   timescale: timescale, due: Timescale(timescale).due, status: pick(Status.allCases))
                    if t.status != .notAssessed {
                        t.comment = sentence(10)
                        t.history = [HistoryEntry(when: "2007-01-15T10:00:00Z", who: pick(PlanGenerator.officers).lowercased(),
                                                  field: .status, old: "notAssessed", new: t.status.rawValue)]
                    }
                    if t.status == .notMet { t.forecast = sentence(8) }
                    objective.targets.append(t)
                }
                issue.objectives.append(objective)
            }
            plan.keyIssues.append(issue)
        }
        plan.nextTargetId = made + 1
        return plan
    }

    static let officers = ["GS", "CSO", "CB", "KG", "JC", "PCT", "HG", "GH", "NP", "ZA", "DC", "AF", "JT", "DB", "AB",
                           "WC", "CW", "VG", "JH", "JI", "RK", "GB", "RH", "Head of HR", "All H of S", "Corporate Procurement Manager"]
    static let timescales = ["Aug 06", "Ongoing", "April 06", "May 06 April 06", "Sept 06", "Quarterly", "Jan.07 Sept.06 Feb.07",
                             "April 06 onwards", "Oct.06", "March 2007", "Oct.06 & 6 monthly", "Review", "Nov 06", "March 2008", "Feb 008"]
    static let issueTitles = ["Leadership and Corporate Commitment", "Consultation, Community Development and Partnership",
                              "Service Delivery and Customer Care", "Employment and Training", "Monitoring and Performance"]
    static let vocabulary = ("implement action plans equality impact assessments publish results consultation monitor report " +
        "take-up services children disabled people ethnic minority groups review procurement contracts equality clause " +
        "targets annually workforce representation training awareness diversity council departmental strategy partners " +
        "hate crime incidents schools accessible documents website guidelines satisfaction survey outcomes DAAF report " +
        "recruitment statistics differential young people LGBT faith gender age sexuality community cohesion").split(separator: " ").map(String.init)
}
