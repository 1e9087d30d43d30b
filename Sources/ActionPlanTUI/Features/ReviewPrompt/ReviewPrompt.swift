import ActionPlanCore

/// The small boxes `R` and `r` open over the tree or the meeting (`Mode.reviewPrompt`). Each has
/// its own keys: `KeyMap.startReview`, `.closeReview` and `.report`.
public enum ReviewPrompt: Sendable, Equatable {
    /// `R` with no review open: the as-at date (pre-filled) and an optional title.
    case startReview(ReviewForm)
    /// `R` with a review open: confirm closing it (`y`).
    case closeReview(number: Int, asAt: Day)
    /// `r`: which format to write (HTML first and the default), appendix or paper, and the options.
    case report(ReportChoice)

    var keyMap: KeyMap {
        switch self {
        case .startReview: return .startReview
        case .closeReview: return .closeReview
        case .report: return .report
        }
    }

    /// What a key in a prompt comes to.
    enum Output: Equatable {
        /// The prompt stays open (maybe with a note in the status bar).
        case stay(Message?)
        /// The prompt closes, saying why.
        case dismiss(Message?)
        case start(asAt: Day, title: String)
        case close(number: Int)
        case write(ReportChoice)
    }

    /// `latest`: the plan's latest review (a new one cannot be earlier).
    /// `officer`: the tree's officer filter, which `o` in the report prompt applies.
    mutating func handle(_ input: KeyInput, latest: Review?, officer: String? = nil, clean: (String) -> String) -> Output {
        switch self {
        case .startReview(var form):
            defer { self = .startReview(form) }
            switch input.command {
            case .cancel?:
                return .dismiss(Message("No review started"))
            case .switchField?:
                form.field = form.field == .date ? .title : .date
            case .confirm?:
                let text = trimmed(form.date.text)
                guard let day = Day(iso: text) else {
                    form.error = "“\(clean(text))” is not a date: type it as YYYY-MM-DD"
                    form.field = .date
                    return .stay(nil)
                }
                if let latest, day < latest.asAt {
                    form.error = "Review \(latest.number) is as at \(latest.asAt): a new review cannot be earlier"
                    return .stay(nil)
                }
                return .start(asAt: day, title: trimmed(form.title.text))
            default:
                if form.field == .date { form.date.apply(input) } else { form.title.apply(input) }
                form.error = nil
            }
            return .stay(nil)
        case .closeReview(let number, _):
            switch input.command {
            case .confirm?: return .close(number: number)
            case .cancel?: return .dismiss(Message("Review \(number) stays open"))
            default:
                return .stay(Message("\(KeyTable.firstKey(for: .confirm, in: .closeReview)) closes review \(number); n or Esc keeps it open"))
            }
        case .report(var choice):
            defer { self = .report(choice) }
            switch input.command {
            case .moveUp?: choice.selection = max(0, choice.selection - 1)
            case .moveDown?: choice.selection = min(choice.formats.count - 1, choice.selection + 1)
            case .cancel?: return .dismiss(Message("No report written"))
            case .confirm?: return .write(choice)
            case .pickReport(let format)?:
                guard let index = choice.formats.firstIndex(of: format) else {
                    return .stay(Message("The committee paper has no CSV form: Tab back to the appendix for CSV"))
                }
                choice.selection = index
                return .write(choice)
            case .switchField?:
                let format = choice.format
                choice.paper.toggle()
                choice.selection = choice.formats.firstIndex(of: format) ?? 0
            case .reportExceptions?: choice.exceptionsOnly.toggle()
            case .reportOfficer?:
                guard let officer else {
                    return .stay(Message("No officer filter is set: o in the tree picks one, then r reports only their targets"))
                }
                choice.officer = choice.officer == nil ? officer : nil
            default: break
            }
            return .stay(nil)
        }
    }
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
    mutating func startOrCloseReview() {
        guard let d = doc else { return }
        if let open = d.plan.openReview {
            prompt = .closeReview(number: open.number, asAt: open.asAt)
        } else {
            prompt = .startReview(ReviewForm(date: options.asOf))
        }
    }

    mutating func askReportFormat() {
        guard doc != nil else { return }
        prompt = .report(ReportChoice())
    }

    /// A key while a prompt is open.
    mutating func reviewPromptInput(_ input: KeyInput, prompt p: ReviewPrompt, _ fx: inout [Effect]) {
        guard let d = doc, screen == .plan else { mode = .normal; return }
        var p = p
        let output = p.handle(input, latest: d.plan.reviews.max(by: { $0.number < $1.number }), officer: d.filters.officer, clean: clean)
        switch output {
        case .stay(let note):
            mode = .reviewPrompt(p)
            if let note { message = note }
        case .dismiss(let note):
            mode = .normal
            message = note
        case .start(let day, let title):
            mode = .normal
            fx.append(.review(.start(planID: d.id, asAt: day, title: title)))
        case .close(let number):
            mode = .normal
            if !d.pending.isEmpty {
                let n = d.pending.count
                message = Message("Review \(number) not closed: \(n) change\(n == 1 ? " is" : "s are") not saved yet (\(KeyTable.keys(for: .retrySave)) retries)",
                                  isError: true)
            } else {
                fx.append(.review(.close(planID: d.id)))
            }
        case .write(let choice):
            writeReport(choice, &fx)
        }
    }

    /// The report's file name: `PLAN_ID-YYYY-MM-DD.ext` (`PLAN_ID-paper-YYYY-MM-DD.ext` for the committee
    /// paper), dated as the report is (the plan's as-at date, else `--as-of`/today).
    func reportFileName(_ format: ReportFileFormat, paper: Bool = false) -> String? {
        guard let d = doc else { return nil }
        let day = d.plan.asAt ?? options.asOf
        return "\(d.id)\(paper ? "-paper" : "")-\(day).\(format.fileExtension)"
    }

    mutating func writeReport(_ choice: ReportChoice, _ fx: inout [Effect]) {
        mode = .normal
        guard let d = doc, let name = reportFileName(choice.format, paper: choice.paper) else { return }
        fx.append(.review(.writeReport(plan: d.plan, format: choice.format, today: options.asOf, fileName: name, choice: choice)))
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
            let unsaved = doc?.id == id ? (doc?.pending.count ?? 0) : 0
            message = Message("Wrote the \(format.name) \(path.contains("-paper-") ? "committee paper" : "report"): \(clean(path))" + (unsaved > 0 ? " (with \(unsaved) unsaved change\(unsaved == 1 ? "" : "s"))" : ""))
        case .failed(_, let action, let text):
            message = Message("Could not \(action): \(text)", isError: true)
        }
    }

    /// The plan as saved by a review effect becomes the base; unsaved changes stay on top of it.
    mutating func adoptSaved(_ loaded: PlanFile.Loaded) {
        guard var d = doc, d.id == loaded.plan.id else { return }
        rebase(&d, onto: loaded)
        doc = d
        fixCursor()
    }
}
