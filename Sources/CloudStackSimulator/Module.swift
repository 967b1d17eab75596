/// Placeholder so the module builds while it is written; replaced by the module's real files.
enum CloudStackSimulatorModule {}
