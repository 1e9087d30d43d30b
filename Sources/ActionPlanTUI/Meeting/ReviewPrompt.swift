import ActionPlanCore

/// The small boxes `R` and `r` open over the tree or the meeting.
public enum ReviewPrompt: Sendable, Equatable {
    /// `R` with no review open: the as-at date (pre-filled) and an optional title.
    case startReview(ReviewForm)
    /// `R` with a review open: confirm closing it (`y`).
    case closeReview(number: Int, asAt: Day)
    /// `r`: which format to write (HTML first and the default).
    case report(selection: Int)
}

public struct ReviewForm: Sendable, Equatable {
    public enum Field: Sendable, Equatable { case date, title }
    public var date: LineEditor
    public var title = LineEditor()
    public var field: Field = .date
    /// Why Enter did not start the review (a date that is not a date).
    public var error: String?

    public init(date: Day) { self.date = LineEditor(date.description) }
}

/// `R`, `r` and their prompts; the results of the effects they ask for.
extension AppState {
    mutating func startOrCloseReview(_ fx: inout [Effect]) {
        guard let d = doc else { return }
        if let open = d.plan.openReview {
            prompt = .closeReview(number: open.number, asAt: open.asAt)
        } else {
            prompt = .startReview(ReviewForm(date: options.asOf))
        }
    }

    mutating func askReportFormat() {
        guard doc != nil else { return }
        prompt = .report(selection: 0)
    }

    /// Keys while a prompt is open. Returns false when there is none.
    mutating func reviewPromptKey(_ key: Key, _ fx: inout [Effect]) -> Bool {
        guard let p = prompt else { return false }
        guard let d = doc, screen == .plan else { prompt = nil; return false }
        switch p {
        case .startReview(var form):
            switch key {
            case .escape:
                prompt = nil
                message = Message("No review started")
                return true
            case .tab, .backTab, .up, .down:
                form.field = form.field == .date ? .title : .date
            case .enter:
                let text = trimmed(form.date.text)
                guard let day = Day(iso: text) else {
                    form.error = "“\(clean(text))” is not a date: type it as YYYY-MM-DD"
                    form.field = .date
                    prompt = .startReview(form)
                    return true
                }
                if let latest = d.plan.reviews.max(by: { $0.number < $1.number }), day < latest.asAt {
                    form.error = "Review \(latest.number) is as at \(latest.asAt): a new review cannot be earlier"
                    prompt = .startReview(form)
                    return true
                }
                prompt = nil
                fx.append(.review(.start(planID: d.id, asAt: day, title: trimmed(form.title.text))))
                return true
            default:
                if form.field == .date {
                    _ = AppState.promptEdit(&form.date, key)
                } else {
                    _ = AppState.promptEdit(&form.title, key)
                }
                form.error = nil
            }
            prompt = .startReview(form)
        case .closeReview(let number, _):
            switch key {
            case .char("y"), .char("Y"):
                prompt = nil
                if !d.pending.isEmpty {
                    let n = d.pending.count
                    message = Message("Review \(number) not closed: \(n) change\(n == 1 ? " is" : "s are") not saved yet (\(KeyTable.keys(for: .retrySave)) retries)",
                                      isError: true)
                } else {
                    fx.append(.review(.close(planID: d.id)))
                }
            case .char("n"), .char("N"), .escape, .char("q"):
                prompt = nil
                message = Message("Review \(number) stays open")
            default:
                message = Message("y closes review \(number); n or Esc keeps it open")
            }
        case .report(var selection):
            let formats = ReportFileFormat.allCases
            switch key {
            case .up, .char("k"): selection = max(0, selection - 1)
            case .down, .char("j"): selection = min(formats.count - 1, selection + 1)
            case .escape, .char("q"):
                prompt = nil
                message = Message("No report written")
                return true
            case .enter:
                writeReport(formats[selection], &fx)
                return true
            case .char(let c):
                if let f = formats.first(where: { $0.key == c }) {
                    writeReport(f, &fx)
                    return true
                }
            default: break
            }
            prompt = .report(selection: selection)
        }
        return true
    }

    /// The report's file name: `PLAN_ID-YYYY-MM-DD.ext`, dated as the report is (the plan's as-at date, else `--as-of`/today).
    func reportFileName(_ format: ReportFileFormat) -> String? {
        guard let d = doc else { return nil }
        let day = d.plan.asAt ?? options.asOf
        return "\(d.id)-\(day).\(format.fileExtension)"
    }

    mutating func writeReport(_ format: ReportFileFormat, _ fx: inout [Effect]) {
        prompt = nil
        guard let d = doc, let name = reportFileName(format) else { return }
        fx.append(.review(.writeReport(plan: d.plan, format: format, today: options.asOf, fileName: name)))
    }

    /// The result of a review or report effect.
    mutating func reviewOutcome(_ outcome: ReviewOutcome) {
        switch outcome {
        case .started(let id, let review, let loaded):
            guard doc?.id == id else { return }
            if let loaded { adoptSaved(loaded) }
            message = Message("Opened review \(review.number) as at \(review.asAt.longDescription)"
                + (review.title.isEmpty ? "" : ": \(clean(review.title))") + " — R closes it after the meeting")
        case .closed(let id, let review, let tally, let loaded):
            guard doc?.id == id else { return }
            if let loaded { adoptSaved(loaded) }
            message = Message("Closed review \(review.number): \(review.snapshot.count) targets frozen "
                + "(\(tally.met) met · \(tally.partiallyMet) partly · \(tally.notMet) not met · \(tally.notAssessed) not assessed)")
        case .reportWritten(let id, let path, let format):
            let unsaved = doc?.id == id ? doc!.pending.count : 0
            message = Message("Wrote the \(format.name) report: \(clean(path))" + (unsaved > 0 ? " (with \(unsaved) unsaved change\(unsaved == 1 ? "" : "s"))" : ""))
        case .failed(_, let action, let text):
            message = Message("Could not \(action): \(text)", isError: true)
        }
    }

    /// The plan as saved by a review effect becomes the base; unsaved changes stay on top of it.
    mutating func adoptSaved(_ loaded: PlanFile.Loaded) {
        guard var d = doc, d.id == loaded.plan.id else { return }
        d.base = loaded
        d.plan = loaded.plan
        for c in d.pending { d.plan.setValue(c.new, of: c.field, target: c.targetID) }
        doc = d
        fixCursor()
    }
}
