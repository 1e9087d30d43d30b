import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree of one XML part of an Office package, built with Foundation's XMLParser
/// (libxml2's SAX reader underneath). The parts of a .docx/.xlsx are a few megabytes at most, so a
/// tree is simpler to walk than callbacks and costs little.
///
/// Safety: Word and Excel never write a DTD, so a part that declares one (`<!DOCTYPE`, `<!ENTITY`) is
/// refused before parsing: no entity, internal or external, is ever expanded ("billion laughs",
/// XXE). External entities are also switched off in the parser.
final class XMLElement2: @unchecked Sendable {
    let name: String
    let attributes: [String: String]
    var children: [XMLElement2] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The local name ("w:tbl" → "tbl"): prefixes differ between writers, namespaces don't matter here.
    var local: Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    func attribute(_ localName: String) -> String? {
        if let v = attributes[localName] { return v }
        for (k, v) in attributes {
            if let colon = k.lastIndex(of: ":"), k[k.index(after: colon)...] == localName { return v }
        }
        return nil
    }

    func child(_ localName: String) -> XMLElement2? { children.first { $0.local == localName } }
    func all(_ localName: String) -> [XMLElement2] { children.filter { $0.local == localName } }

    /// Every descendant named `localName`, depth first, not descending into `skipping`.
    func descendants(_ localName: String, skipping: Set<String> = []) -> [XMLElement2] {
        var out: [XMLElement2] = []
        var stack: [XMLElement2] = children.reversed()
        while let e = stack.popLast() {
            if e.local == localName { out.append(e); continue }
            if skipping.contains(String(e.local)) { continue }
            stack.append(contentsOf: e.children.reversed())
        }
        return out
    }
}

enum SafeXML {
    /// Parses `data` (the part `part` of `file`) into a tree; throws an ImportError naming both.
    static func parse(_ data: Data, file: String, part: String) throws(ImportError) -> XMLElement2 {
        if containsDTD(data) {
            throw ImportError(file: file, "\(part) declares a DTD or entities (<!DOCTYPE>/<!ENTITY>), which Word and Excel never write; refused so that nothing is expanded")
        }
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        // libxml2 (underneath XMLParser on Linux) recovers from some errors and still reports success,
        // so the builder also checks that every element is closed, by its own name.
        let ok = parser.parse()
        if !ok || builder.root == nil || builder.failed || !builder.stack.isEmpty {
            let reason = builder.failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? (builder.stack.isEmpty ? "not well-formed" : "the part ends before <\(builder.stack.last!.name)> is closed")
            throw ImportError(file: file, "\(part) is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber)): \(reason); the file may be damaged")
        }
        guard let root = builder.root else { throw ImportError(file: file, "\(part) is empty") }
        return root
    }

    /// "<!DOCTYPE" or "<!ENTITY" anywhere in the bytes.
    static func containsDTD(_ data: Data) -> Bool {
        let a = Array("<!DOCTYPE".utf8), b = Array("<!ENTITY".utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            let n = bytes.count
            while i + 1 < n {
                if bytes[i] == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: "!") {
                    if matches(bytes, at: i, a) || matches(bytes, at: i, b) { return true }
                }
                i += 1
            }
            return false
        }
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ word: [UInt8]) -> Bool {
        guard i + word.count <= bytes.count else { return false }
        for k in 0..<word.count where bytes[i + k] != word[k] { return false }
        return true
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: XMLElement2?
        var stack: [XMLElement2] = []
        var failed = false
        var failure: String?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let e = XMLElement2(name: elementName, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(e) } else if root == nil { root = e } else { failed = true; failure = "more than one root element" }
            stack.append(e)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            guard let open = stack.popLast(), open.name == elementName else {
                failed = true
                failure = failure ?? "</\(elementName)> closes \(stack.last.map { "<\($0.name)>" } ?? "nothing")"
                parser.abortParsing()
                return
            }
            if stack.isEmpty && root !== open { failed = true }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            failed = true
            failure = failure ?? parseError.localizedDescription
        }

        func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) {
            failed = true
            failure = failure ?? validationError.localizedDescription
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }
}
