internal import CLibevent

/// Finds the loop that owns the calling thread, through a pthread key (a few nanoseconds).
enum LoopRegistry {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static func setCurrent(_ loop: Loop?) {
        if let loop {
            pthread_setspecific(key, Unmanaged.passUnretained(loop).toOpaque())
        } else {
            pthread_setspecific(key, nil)
        }
    }

    static func current() -> Loop? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<Loop>.fromOpaque(raw).takeUnretainedValue()
    }
}
