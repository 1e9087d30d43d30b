import ActionPlanCore
import Foundation

// actionplan-bench: the parts of `make bench` that run inside one process.
//   generate DIR PLANS TARGETS_PER_PLAN   write a data directory of realistic plans
//   save DIR PLAN_ID ITERATIONS           keypress-to-saved: one status change with a durable save
//   load DIR ITERATIONS                   parse + decode every plan in DIR
// Whole-process timings (plans, list, set) are taken by scripts/bench.py.

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: actionplan-bench generate DIR PLANS TARGETS | save DIR PLAN ITERATIONS | load DIR ITERATIONS")
    exit(64)
}

switch arguments[1] {
case "generate":
    let dir = arguments[2], plans = Int(arguments[3])!, targets = Int(arguments[4])!
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var generator = PlanGenerator(seed: 42)
    for n in 1...plans {
        let plan = generator.plan(id: String(format: "bench-%03d", n), targets: targets)
        FileManager.default.createFile(atPath: "\(dir)/\(plan.id).json", contents: Data(PlanFile.encode(plan)))
    }
    print("generated \(plans) plans × \(targets) targets in \(dir)")
case "save":
    let store = PlanStore(directory: arguments[2])
    let id = arguments[3], iterations = Int(arguments[4])!
    var base = try store.load(id)
    let targetID = base.plan.allTargets[base.plan.allTargets.count / 2].id
    var samples: [Double] = []
    for i in 0..<iterations {
        let status: Status = i % 2 == 0 ? .met : .notMet
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try store.commit([.status(targetID, status)], to: id, base: base, who: "bench")
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        base = result.loaded
    }
    samples.sort()
    print(String(format: "save %@ (%d targets): median %.2f ms, p90 %.2f ms over %d changes",
                 id, base.plan.allTargets.count, samples[samples.count / 2], samples[samples.count * 9 / 10], iterations))
case "load":
    let store = PlanStore(directory: arguments[2])
    let iterations = Int(arguments[3])!
    var samples: [Double] = []
    var count = 0
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        count = 0
        try store.forEachPlan { result in if case .success(let l) = result { count += l.plan.allTargets.count } }
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    samples.sort()
    print(String(format: "load all (%d targets): median %.1f ms", count, samples[samples.count / 2]))
case "render":
    try UIBenchmarks.render(directory: arguments[2], planID: arguments[3], iterations: Int(arguments[4])!)
case "keypress":
    try UIBenchmarks.keypressToSaved(directory: arguments[2], planID: arguments[3], iterations: Int(arguments[4])!)
case "phases":
    // Where a save's time goes: read, decode, encode, durable write (and a whole-tree parse, for comparison).
    let path = arguments[2], iterations = Int(arguments[3])!
    var t: [String: [Double]] = [:]
    func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        t[name, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        return result
    }
    for _ in 0..<iterations {
        let bytes = time("read") { Array(FileManager.default.contents(atPath: path)!) }
        let value = try time("parse (tree)") { try JSONParser.parse(bytes) }
        let loaded = time("decode+fingerprint") { PlanFile.decode(bytes, file: path, expectedID: nil).loaded! }
        _ = value
        let out = time("encode") { PlanFile.encode(loaded.plan) }
        try time("durable write") { try AtomicWriter(fault: nil).write(out, to: path + ".phase") }
    }
    for name in ["read", "parse (tree)", "decode+fingerprint", "encode", "durable write"] {
        let s = t[name]!.sorted()
        print(String(format: "%-20@ median %.2f ms", name, s[s.count / 2]))
    }
    print("(decode reads the bytes straight into the model; parse (tree) reads them into a JSONValue, for comparison)")
default:
    print("unknown benchmark \(arguments[1])")
    exit(64)
}
