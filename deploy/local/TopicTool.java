// Topic administration for the local Kafka 0.9 broker, used by deploy/local/infra.sh.
//
// Kafka 0.9 has no CreateTopics API; topics live in ZooKeeper. The distribution's
// kafka.admin.TopicCommand does one action per JVM (about 1-2 s each on 2 cores) and cannot
// wait for partition leaders. This tool uses the same AdminUtils calls, handles several
// topics in one JVM, and waits until the broker itself serves every partition (ZooKeeper
// still names the old leader of a broker that just restarted, so ZooKeeper alone is not
// proof), so a test can produce and consume the moment `infra.sh topic` returns.
//
// Usage: java -cp <tools>:<kafka libs>/* TopicTool ZK_CONNECT BOOTSTRAP COMMAND ...
//   list                              topics, one a line ("NAME - marked for deletion" while deleting)
//   ensure WAIT_SECONDS NAME:PARTS... create missing topics (prints "created NAME PARTS"), then wait until served
//   ready WAIT_SECONDS NAME...        wait until the broker serves every partition of each topic
//   delete WAIT_SECONDS NAME          delete a topic and wait until it is gone (prints "absent" if it never was)
// Exit status: 0 done, 1 error, 2 deadline passed.

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kafka.admin.AdminUtils;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import kafka.common.TopicExistsException;
import kafka.utils.ZkUtils;
import org.I0Itec.zkclient.ZkClient;

public final class TopicTool {
    private static final String TOPICS = "/brokers/topics";
    private static final String DELETING = "/admin/delete_topics";
    private static final String BROKERS = "/brokers/ids";
    private static final Pattern ASSIGNED_PARTITION = Pattern.compile("\"\\d+\":\\[");
    private static final Pattern LEADER = Pattern.compile("\"leader\":(-?\\d+)");

    private final ZkUtils zkUtils;
    private final ZkClient zk;
    private final String bootstrap;

    private TopicTool(ZkUtils zkUtils, String bootstrap) {
        this.zkUtils = zkUtils;
        this.zk = zkUtils.zkClient();
        this.bootstrap = bootstrap;
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            fail("usage: TopicTool ZK_CONNECT BOOTSTRAP list|ensure|ready|delete ...");
        }
        ZkUtils zkUtils = ZkUtils.apply(args[0], 10000, 10000, false);
        int status;
        try {
            status = new TopicTool(zkUtils, args[1]).run(args[2], List.of(args).subList(3, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("TopicTool: " + e.getMessage());
            status = 1;
        } finally {
            zkUtils.close();
        }
        System.exit(status);
    }

    private int run(String command, List<String> rest) {
        switch (command) {
            case "list":
                for (String topic : children(TOPICS)) {
                    System.out.println(children(DELETING).contains(topic) ? topic + " - marked for deletion" : topic);
                }
                return 0;
            case "ensure":
                return ensure(seconds(rest), rest.subList(1, rest.size()));
            case "ready":
                return waitUntilReady(deadline(seconds(rest)), rest.subList(1, rest.size()));
            case "delete":
                if (rest.size() != 2) throw new IllegalArgumentException("usage: delete WAIT_SECONDS NAME");
                return delete(deadline(seconds(rest)), rest.get(1));
            default:
                throw new IllegalArgumentException("unknown command " + command);
        }
    }

    private int ensure(int waitSeconds, List<String> specs) {
        long deadline = deadline(waitSeconds);
        List<String> names = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.lastIndexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("bad topic spec '" + spec + "' (want NAME:PARTITIONS)");
            String name = spec.substring(0, colon);
            int partitions;
            try {
                partitions = Integer.parseInt(spec.substring(colon + 1));
            } catch (NumberFormatException e) {
                partitions = 0;
            }
            if (partitions < 1) throw new IllegalArgumentException("bad topic spec '" + spec + "' (want NAME:PARTITIONS)");
            names.add(name);

            // a topic still being deleted cannot be created again until the controller is done
            while (zk.exists(DELETING + "/" + name)) {
                if (System.currentTimeMillis() > deadline) return timeout("deletion of topic " + name + " to finish");
                sleep();
            }
            if (zk.exists(TOPICS + "/" + name)) continue;
            try {
                AdminUtils.createTopic(zkUtils, name, partitions, 1, new Properties());
                System.out.println("created " + name + " " + partitions);
            } catch (TopicExistsException e) {
                // created concurrently by someone else (or auto-created by a client): fine
            }
        }
        return waitUntilReady(deadline, names);
    }

    private int waitUntilReady(long deadline, List<String> names) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String name : names) {
            while (!ready(name)) {
                if (System.currentTimeMillis() > deadline) return timeout("leaders for all partitions of topic " + name);
                sleep();
            }
            int count = count(ASSIGNED_PARTITION.matcher(zk.<String>readData(TOPICS + "/" + name)));
            for (int p = 0; p < count; p++) partitions.add(new TopicPartition(name, p));
        }
        return brokerServes(deadline, partitions);
    }

    // Ask the broker for the end offset of every partition: it answers only for partitions
    // it leads. The 0.9 consumer retries retriable errors inside position() without a time
    // limit, so a watchdog enforces the deadline.
    private int brokerServes(long deadline, List<TopicPartition> partitions) {
        if (partitions.isEmpty()) return 0;
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("TopicTool: timed out waiting for the broker " + bootstrap + " to serve " + partitions);
            Runtime.getRuntime().halt(2);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("enable.auto.commit", "false");
        props.put("retry.backoff.ms", "50");
        props.put("reconnect.backoff.ms", "50");
        try (KafkaConsumer<byte[], byte[]> consumer =
                 new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToEnd(partitions.toArray(new TopicPartition[0]));
            for (TopicPartition tp : partitions) consumer.position(tp);
        }
        watchdog.interrupt();
        return 0;
    }

    // Every assigned partition has state in ZooKeeper naming a leader that is a registered broker.
    private boolean ready(String name) {
        String assignment = zk.readData(TOPICS + "/" + name, true);
        if (assignment == null) return false;
        int expected = count(ASSIGNED_PARTITION.matcher(assignment));
        List<String> live = children(BROKERS);
        for (int p = 0; p < expected; p++) {
            String state = zk.readData(TOPICS + "/" + name + "/partitions/" + p + "/state", true);
            if (state == null) return false;
            Matcher m = LEADER.matcher(state);
            if (!m.find() || !live.contains(m.group(1))) return false;
        }
        return expected > 0;
    }

    private int delete(long deadline, String name) {
        if (!zk.exists(TOPICS + "/" + name) && !zk.exists(DELETING + "/" + name)) {
            System.out.println("absent");
            return 0;
        }
        if (!zk.exists(DELETING + "/" + name)) {
            AdminUtils.deleteTopic(zkUtils, name);
        }
        while (zk.exists(TOPICS + "/" + name) || zk.exists(DELETING + "/" + name)) {
            if (System.currentTimeMillis() > deadline) return timeout("deletion of topic " + name);
            sleep();
        }
        return 0;
    }

    private List<String> children(String path) {
        if (!zk.exists(path)) return Collections.emptyList();
        return new ArrayList<>(new TreeSet<>(zk.getChildren(path)));
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static int seconds(List<String> rest) {
        if (rest.isEmpty()) throw new IllegalArgumentException("missing WAIT_SECONDS");
        return Integer.parseInt(rest.get(0));
    }

    private static long deadline(int seconds) {
        return System.currentTimeMillis() + seconds * 1000L;
    }

    private static int timeout(String what) {
        System.err.println("TopicTool: timed out waiting for " + what);
        return 2;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
