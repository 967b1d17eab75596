import Dispatch
// ThreadSanitizer reports "Swift access race" inside Synchronization.Mutex.withLock on Linux (Swift 6.3.1),
// even in this program, whose only shared state is behind the Mutex. Run:
//   swiftc -sanitize=thread -Onone Tests/Sanitizers/mutex-tsan-repro.swift -o /tmp/t && /tmp/t
// Not part of any target (docs/reliability.md "Sanitizers").
import Synchronization

struct State { var items: [Int] = []; var n = 0 }
final class Box: Sendable {
    private let m = Mutex(State())
    func go(_ i: Int) -> Int {
        m.withLock { s -> Int in
            s.items.append(i); s.n += 1; return s.n
        }
    }
}
let box = Box()
DispatchQueue.concurrentPerform(iterations: 8) { i in
    for j in 0..<1000 { _ = box.go(i * j) }
}
print(box.go(0))
