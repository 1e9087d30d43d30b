import ActionPlanCore

/// `/`: the search prompt in the status bar. Its state is the line being typed (`Mode.searching`);
/// its keys are `KeyMap.search`.
enum SearchPrompt {
    enum Output: Equatable {
        case typing
        case find(String)
        case cancel
    }

    static func handle(_ input: KeyInput, editor: inout LineEditor) -> Output {
        switch input.command {
        case .find?: return .find(editor.text)
        case .cancel?: return .cancel
        default:
            editor.apply(input)
            return .typing
        }
    }
}

extension AppState {
    mutating func searchInput(_ input: KeyInput, editor: LineEditor) {
        var e = editor
        switch SearchPrompt.handle(input, editor: &e) {
        case .typing:
            mode = .searching(e)
        case .cancel:
            mode = .normal
        case .find(let text):
            mode = .normal
            doc?.search = text.isEmpty ? nil : text
            if text.isEmpty { message = Message("Search cleared"); return }
            jumpToMatch(forward: true, includeCurrent: false)
        }
    }
}
