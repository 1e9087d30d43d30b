import ActionPlanCore

/// `?`: the key list, scrolled. Its state is the scroll (`Mode.help`); its keys are `KeyMap.help`.
enum HelpFeature {
    enum Output: Equatable {
        case scroll(Int)
        case close
    }

    /// The help's answer to a key, given how many lines it has and how many fit on a page.
    static func handle(_ input: KeyInput, scroll: Int, lines: Int, page: Int) -> Output {
        var s = scroll
        switch input.command {
        case .moveUp?: s -= 1
        case .moveDown?: s += 1
        case .pageUp?: s -= page
        case .pageDown?: s += page
        case .top?: s = 0
        case .bottom?: s = lines
        case .closeHelp?: return .close
        default: break
        }
        return .scroll(clamp(s, lines: lines, page: page))
    }

    static func clamp(_ scroll: Int, lines: Int, page: Int) -> Int { max(0, min(scroll, max(0, lines - page))) }
}

extension AppState {
    var helpPage: Int { max(1, Layout(size).body.height - 1) }
    var helpLineCount: Int { KeyTable.helpLines(width: size.width, ascii: glyphs == .ascii).count }

    mutating func helpInput(_ input: KeyInput, scroll: Int) {
        switch HelpFeature.handle(input, scroll: scroll, lines: helpLineCount, page: helpPage) {
        case .scroll(let s): mode = .help(scroll: s)
        case .close: mode = .normal
        }
    }

    /// `?` in a meeting: the help, scrolled to the meeting's keys (the tree's are above them).
    mutating func openHelpAtMeetingKeys() {
        let lines = KeyTable.helpLines(width: size.width, ascii: glyphs == .ascii)
        let heading = lines.firstIndex { $0.isHeading && $0.text == KeyBinding.Context.review.rawValue } ?? 0
        mode = .help(scroll: HelpFeature.clamp(heading, lines: lines.count, page: helpPage))
    }
}
