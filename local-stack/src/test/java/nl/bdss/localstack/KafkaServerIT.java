package nl.bdss.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaServerIT {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsClusterIdAndTopics_whenStoppedAndStartedAgainOnTheSameDataDirectory() throws Exception {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        String clusterId;
        try (KafkaServer kafka = KafkaServer.start(port, controllerPort, dataDirectory);
             Admin admin = admin(kafka)) {
            clusterId = kafka.clusterId();
            admin.createTopics(List.of(new NewTopic("contract-versions", 3, (short) 1))).all().get();
        }

        try (KafkaServer kafka = KafkaServer.start(port, controllerPort, dataDirectory);
             Admin admin = admin(kafka)) {
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
            assertThat(admin.listTopics().names().get()).contains("contract-versions");
        }
    }

    @Test
    void createsUnknownTopicsOnFirstUse_withThreePartitions() throws Exception {
        try (KafkaServer kafka = KafkaServer.start(FreePorts.next(), FreePorts.next(), dataDirectory);
             Admin admin = admin(kafka);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis()),
                     new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("allocations-calculated", "contract-1", "payload")).get();

            Map<String, TopicDescription> topics = admin.describeTopics(Set.of("allocations-calculated"))
                    .allTopicNames().get();
            assertThat(topics.get("allocations-calculated").partitions()).hasSize(3);
        }
    }

    private static Admin admin(KafkaServer kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
