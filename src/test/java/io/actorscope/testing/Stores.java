package io.actorscope.testing;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * Real storage for the tests, started once per test JVM: an HDFS (NameNode and DataNode in this
 * JVM, {@link MiniDFSCluster}) and an S3 server (S3Proxy over a folder, on 127.0.0.1) with a
 * random access key and secret that only this class and the runs it configures know.
 */
public final class Stores {
  private static MiniDFSCluster hdfs;
  private static S3Proxy s3;
  private static Path s3Root;
  public static final String BUCKET = "actorscope-test";
  /** Random per test JVM, so a leak cannot match anything by chance. */
  public static final String ACCESS_KEY = "AKTEST" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
  public static final String SECRET_KEY = "sk" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

  private Stores() {}

  /** hdfs://127.0.0.1:PORT of a running MiniDFSCluster. */
  public static synchronized String hdfs() throws Exception {
    if (hdfs == null) {
      File base = Files.createTempDirectory("actorscope-hdfs").toFile();
      Configuration conf = new Configuration();
      conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.getAbsolutePath());
      conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
      conf.set("dfs.datanode.address", "127.0.0.1:0");
      conf.set("dfs.datanode.http.address", "127.0.0.1:0");
      conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
      conf.set("dfs.namenode.http-address", "127.0.0.1:0");
      conf.setBoolean("dfs.permissions.enabled", false);
      hdfs = new MiniDFSCluster.Builder(conf, base).numDataNodes(1).format(true).build();
      hdfs.waitActive();
      MiniDFSCluster started = hdfs;
      Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown));
    }
    return "hdfs://127.0.0.1:" + hdfs.getNameNodePort();
  }

  /** The S3 endpoint, http://127.0.0.1:PORT, serving bucket {@link #BUCKET}. */
  public static synchronized String s3Endpoint() throws Exception {
    if (s3 == null) {
      s3Root = Files.createTempDirectory("actorscope-s3");
      Files.createDirectories(s3Root.resolve(BUCKET));
      S3Proxy proxy = S3Proxy.builder()
          .blobStore(new FilesystemNio2BlobStore(s3Root.toString()))
          .endpoint(URI.create("http://127.0.0.1:0"))
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
          .build();
      proxy.start();
      for (int i = 0; i < 100 && !"STARTED".equals(proxy.getState()); i++) {
        Thread.sleep(50);
      }
      s3 = proxy;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          proxy.stop();
        } catch (Exception e) {
          // shutting down
        }
      }));
    }
    return "http://127.0.0.1:" + s3.getPort();
  }

  /** The folder behind the S3 server (to look at what it stored, byte for byte). */
  public static Path s3Root() {
    return s3Root;
  }

  /**
   * The S3A settings a job needs for the test server, except the credentials; the way a cluster's
   * core-site.xml or a job spec's {@code spark:} section would give them.
   */
  public static java.util.Map<String, String> s3aSettings(String endpoint) {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("fs.s3a.endpoint", endpoint);
    m.put("fs.s3a.endpoint.region", "us-east-1");
    m.put("fs.s3a.path.style.access", "true");
    m.put("fs.s3a.connection.ssl.enabled", "false");
    m.put("fs.s3a.change.detection.mode", "none");
    return m;
  }
}
