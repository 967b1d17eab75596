/// The process exit codes (sysexits.h where one fits); documented in `stackbridge --help`.
enum ExitCodes {
    /// EX_UNAVAILABLE: a listener, TLS or the backend could not be set up.
    static let unavailable: Int32 = 69
    /// EX_CONFIG: the configuration is invalid.
    static let configuration: Int32 = 78
}
