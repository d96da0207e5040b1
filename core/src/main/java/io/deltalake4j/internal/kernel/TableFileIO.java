package io.deltalake4j.internal.kernel;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine's file access: Hadoop's, except that files created on local disk (data files and
 * checkpoints) are written by {@link LocalOutputFile}, without Hadoop's checksum sidecars and
 * durably; and, for a write's data files, it reports every file it is asked to create before it
 * exists, so the write can remove all of them after a failure, including one a failing writer left
 * half done.
 */
final class TableFileIO implements FileIO {

  private final FileIO delegate;
  private final Consumer<String> created;

  /** @param created told the path of each file before it is created */
  TableFileIO(FileIO delegate, Consumer<String> created) {
    this.delegate = delegate;
    this.created = created;
  }

  @Override
  public OutputFile newOutputFile(String path) {
    created.accept(path);
    OutputFile hadoop = delegate.newOutputFile(path);
    return "file".equals(new org.apache.hadoop.fs.Path(path).toUri().getScheme()) ? new LocalOutputFile(hadoop) : hadoop;
  }

  @Override
  public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
    return delegate.listFrom(filePath);
  }

  @Override
  public FileStatus getFileStatus(String path) throws IOException {
    return delegate.getFileStatus(path);
  }

  @Override
  public String resolvePath(String path) throws IOException {
    return delegate.resolvePath(path);
  }

  @Override
  public boolean mkdirs(String path) throws IOException {
    return delegate.mkdirs(path);
  }

  @Override
  public InputFile newInputFile(String path, long fileSize) {
    return delegate.newInputFile(path, fileSize);
  }

  @Override
  public boolean delete(String path) throws IOException {
    return delegate.delete(path);
  }

  @Override
  public Optional<String> getConf(String confKey) {
    return delegate.getConf(confKey);
  }

  @Override
  public void copyFileAtomically(String srcPath, String destPath, boolean overwrite) throws IOException {
    delegate.copyFileAtomically(srcPath, destPath, overwrite);
  }
}
