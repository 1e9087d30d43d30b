import ActionPlanCore

/// A key press as the app sees it, whatever terminal it came from.
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Alt-Enter (ESC then Enter): a newline in the editor.
    case altEnter
    /// A control key: `.ctrl("r")` is Ctrl-R. Ctrl-J arrives as `.ctrl("j")`.
    case ctrl(Character)
    case function(Int)

    /// The name in ASCII, for terminals without UTF-8 ("Up" for "↑").
    public var asciiName: String {
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return name
        }
    }

    /// How the help screen and README name the key.
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .altEnter: return "Alt-Enter"
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        }
    }
}
