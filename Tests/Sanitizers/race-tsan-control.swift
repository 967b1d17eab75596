import Foundation

// The control for Tests/Sanitizers/tsan.supp: a real data race (a counter written from two threads with no lock)
// must still be reported with the suppressions on. Run:
//   swiftc -sanitize=thread -Onone Tests/Sanitizers/race-tsan-control.swift -o /tmp/c \
//     && TSAN_OPTIONS=suppressions=Tests/Sanitizers/tsan.supp /tmp/c    (prints "data race" and "Swift access race")
// Not part of any target (docs/reliability.md "Sanitizers").

final class Counter: @unchecked Sendable {
    var value = 0
}
let counter = Counter()
let threads = (0..<2).map { _ in Thread { for _ in 0..<2_000_000 { counter.value += 1 } } }
for thread in threads { thread.start() }
Thread.sleep(forTimeInterval: 3)
print(counter.value)
