import Foundation

/// Reading and writing item fields as the text values changes and history carry (see `ItemField`).
extension Plan {
    /// The value of a field of the plan (`item` nil), a Key Issue, an objective or a target.
    public func value(of field: ItemField, item: String?) throws(ChangeError) -> String {
        let kind = try kindChecked(item)
        guard ItemField.fields(of: kind).contains(field) else { throw .notAField(field, of: kind) }
        switch kind {
        case .plan:
            switch field {
            case .title: return title
            case .organisation: return organisation
            case .department: return department
            default: return period.map(PeriodText.format) ?? ""
            }
        case .keyIssue:
            return keyIssues[keyIssueIndex(id: item!)!].fieldValue(field)
        case .objective:
            let p = objectivePath(id: item!)!
            return keyIssues[p.issue].objectives[p.objective].fieldValue(field)
        case .target:
            return target(id: item!)!.fieldValue(field)
        }
    }

    /// Sets a field from its text value, checking it. Returns a warning to show (a time scale that names no date).
    mutating func setValue(_ value: String, of field: ItemField, item: String?) throws(ChangeError) -> String? {
        let kind = try kindChecked(item)
        guard ItemField.fields(of: kind).contains(field) else { throw .notAField(field, of: kind) }
        let mustHaveText: Set<ItemField> = [.title, .text]
        if mustHaveText.contains(field) && value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .emptyText(field, item: item ?? id)
        }
        switch kind {
        case .plan:
            switch field {
            case .title: title = value
            case .organisation: organisation = value
            case .department: department = value
            default:
                if value.isEmpty { period = nil; break }
                guard let p = PeriodText.parse(value) else {
                    throw .badValue(.period, value: value, expected: "a period as YYYY-MM..YYYY-MM, the end not before the start")
                }
                var kept = p
                kept.extras = period?.extras ?? []
                period = kept
            }
        case .keyIssue:
            let i = keyIssueIndex(id: item!)!
            switch field {
            case .number:
                guard let n = Int(value) else { throw .badValue(.number, value: value, expected: "a whole number") }
                keyIssues[i].number = n
            case .title: keyIssues[i].title = value
            default: keyIssues[i].statement = value
            }
        case .objective:
            let p = objectivePath(id: item!)!
            switch field {
            case .number:
                if value.isEmpty { keyIssues[p.issue].objectives[p.objective].number = nil; break }
                guard let n = Int(value) else { throw .badValue(.number, value: value, expected: "a whole number, or \"\" for none") }
                keyIssues[p.issue].objectives[p.objective].number = n
            case .code: keyIssues[p.issue].objectives[p.objective].code = value.isEmpty ? nil : value
            case .text: keyIssues[p.issue].objectives[p.objective].text = value
            default: keyIssues[p.issue].objectives[p.objective].expectedOutcome = value
            }
        case .target:
            let p = indexPath(ofTarget: item!)!
            var t = keyIssues[p.issue].objectives[p.objective].targets[p.target]
            var warning: String?
            switch field {
            case .text: t.text = value
            case .leadOfficers:
                t.leadOfficers = value.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case .timescale:
                // The due date follows the time scale; one that names no date is kept as text, with a warning.
                t.timescale = value
                t.due = Timescale(value).due
                warning = Timescale.unreadableWarning(value, target: t.id)
            case .due:
                if value.isEmpty { t.due = nil; break }
                guard let d = Day(iso: value) else { throw .badValue(.due, value: value, expected: "a date as YYYY-MM-DD") }
                t.due = d
            case .status:
                guard let s = Status(rawValue: value) else {
                    throw .badValue(.status, value: value, expected: "one of met, notMet, partiallyMet, notAssessed")
                }
                t.status = s
            case .comment: t.comment = value
            case .forecast: t.forecast = value
            default:
                if value.isEmpty { t.measure = nil; break }
                guard var m = MeasureText.parse(value) else {
                    throw .badValue(.measure, value: value, expected: "words such as \"baseline=52.5 target=55 actual=16.3 unit=% better=higher\"")
                }
                m.extras = t.measure?.extras ?? []
                t.measure = m.isEmpty ? nil : m
            }
            keyIssues[p.issue].objectives[p.objective].targets[p.target] = t
            return warning
        }
        return nil
    }

    /// The kind of the item, or the plan for nil; throws when the plan has no such item.
    func kindChecked(_ item: String?) throws(ChangeError) -> ItemKind {
        guard let item, item != id || kind(of: item) != nil else { return .plan }
        guard let kind = kind(of: item) else { throw .itemNotFound(item, plan: id) }
        return kind
    }
}

// The text value of each field of an item (what `value(of:item:)` gives, without looking the item up):
// also what `import --into` compares a revised document's items with.
extension KeyIssue {
    func fieldValue(_ field: ItemField) -> String {
        switch field {
        case .number: return String(number)
        case .title: return title
        default: return statement
        }
    }
}

extension Objective {
    func fieldValue(_ field: ItemField) -> String {
        switch field {
        case .number: return number.map(String.init) ?? ""
        case .code: return code ?? ""
        case .text: return text
        default: return expectedOutcome
        }
    }
}

extension Target {
    func fieldValue(_ field: ItemField) -> String {
        switch field {
        case .text: return text
        case .leadOfficers: return leadOfficers.joined(separator: "\n")
        case .timescale: return timescale
        case .due: return due?.description ?? ""
        case .status: return status.rawValue
        case .comment: return comment
        case .forecast: return forecast
        default: return measure.map(MeasureText.format) ?? ""
        }
    }
}

/// A period as the command line and history write it: `2026-04..2027-03`.
public enum PeriodText {
    public static func format(_ p: Period) -> String { "\(p.start)..\(p.end)" }

    public static func parse(_ text: String) -> Period? {
        let parts = text.trimmingCharacters(in: .whitespaces).components(separatedBy: "..")
        guard parts.count == 2, let start = YearMonth(iso: parts[0].trimmingCharacters(in: .whitespaces)),
              let end = YearMonth(iso: parts[1].trimmingCharacters(in: .whitespaces)), !(end < start) else { return nil }
        return Period(start: start, end: end)
    }
}

/// A measure as text: `baseline=52.5 target=55 actual=16.3 unit=% better=higher` (any subset, any order).
public enum MeasureText {
    public static func format(_ m: Measure) -> String {
        func n(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }
        var parts: [String] = []
        if let v = m.baseline { parts.append("baseline=\(n(v))") }
        if let v = m.target { parts.append("target=\(n(v))") }
        if let v = m.actual { parts.append("actual=\(n(v))") }
        if let u = m.unit { parts.append("unit=\(u)") }
        if let b = m.better { parts.append("better=\(b.rawValue)") }
        return parts.joined(separator: " ")
    }

    public static func parse(_ text: String) -> Measure? {
        var m = Measure()
        for word in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            let kv = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { return nil }
            switch kv[0] {
            case "baseline": guard let v = Double(kv[1]), v.isFinite else { return nil }; m.baseline = v
            case "target": guard let v = Double(kv[1]), v.isFinite else { return nil }; m.target = v
            case "actual": guard let v = Double(kv[1]), v.isFinite else { return nil }; m.actual = v
            case "unit": m.unit = kv[1]
            case "better": guard let b = Better(rawValue: kv[1]) else { return nil }; m.better = b
            default: return nil
            }
        }
        return m
    }
}

extension Timescale {
    /// A time scale the parser cannot read is accepted as text (as import does), with this warning.
    public static func unreadableWarning(_ text: String, target: String) -> String? {
        guard case .unknown = Timescale(text).meaning, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return "the time scale \"\(Sanitizer.clean(text))\" of \(target) names no date this program can read: kept as text, with no due date"
    }
}
