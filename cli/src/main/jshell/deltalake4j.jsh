// Loaded by `./deltalake4j jshell` after JShell's DEFAULT startup: the API's imports, and a lake.
import io.deltalake4j.*;
import io.deltalake4j.arrow.*;
import io.deltalake4j.catalog.*;
import io.deltalake4j.exceptions.*;
import io.deltalake4j.filter.*;
import io.deltalake4j.hms.*;
import io.deltalake4j.sample.*;
import io.deltalake4j.types.*;
import static io.deltalake4j.filter.Filter.col;

// Paths and hdfs:// URIs, with the Hadoop configuration in $HADOOP_CONF_DIR if it is set. For tables by name:
//   var lake = DeltaLake.builder().catalog(HiveCatalog.connect("thrift://host:9083")).build();
var lake = DeltaLake.builder().build();
System.out.println("deltalake4j " + DeltaLake.libraryVersion() + ": `lake` is DeltaLake.builder().build(). "
    + "Try: lake.table(\"deltalake4j-warehouse/sales_transactions\").history(3)");
