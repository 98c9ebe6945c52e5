package com.illajwala.notifications;

import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.identity.contact.Contacts;
import com.illajwala.kafka.ConsumerLag;
import com.illajwala.kafka.EventPublisher;
import com.illajwala.kafka.EventSubscriber;
import com.illajwala.kafka.KafkaTopics;
import com.illajwala.notifications.channel.ChannelSender;
import com.illajwala.notifications.channel.ChannelSenders;
import com.illajwala.notifications.channel.LoggingSender;
import com.illajwala.notifications.channel.ResilientSender;
import com.illajwala.notifications.channel.email.SmtpEmailSender;
import com.illajwala.notifications.channel.sms.TwilioSmsSender;
import com.illajwala.notifications.channel.whatsapp.WhatsAppCloudSender;
import com.illajwala.notifications.delivery.DailyCaps;
import com.illajwala.notifications.delivery.Deliveries;
import com.illajwala.notifications.delivery.DeliveryPolicy;
import com.illajwala.notifications.delivery.DeliveryWorker;
import com.illajwala.notifications.inbound.JdbcSubjectFacts;
import com.illajwala.notifications.inbound.NotificationConsumer;
import com.illajwala.notifications.inbound.NotificationPlanner;
import com.illajwala.notifications.outcome.OutcomeRelay;
import com.illajwala.notifications.template.MessageComposer;
import com.illajwala.notifications.template.Templates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * Everything notifications contributes to an application that imports it (which must also provide
 * identity's {@link Contacts}, a PostgreSQL {@code DataSource} with Flyway, and Kafka). With
 * {@code illajwala.notifications.enabled=false} the instance neither consumes nor sends.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
@ConditionalOnProperty(name = "illajwala.notifications.enabled", havingValue = "true", matchIfMissing = true)
public class NotificationsConfiguration {

    private static final Duration OUTCOME_PUBLISH_INTERVAL = Duration.ofMillis(500);
    private static final int DATABASE_THREADS = 8;

    private final Clock clock = Clock.systemUTC();

    /** Blocking JDBC off the event loops, on a few threads of its own so booking's connections stay free. */
    @Bean(destroyMethod = "dispose")
    Scheduler notificationsDatabase() {
        return Schedulers.newBoundedElastic(DATABASE_THREADS, 10_000, "notifications-db");
    }

    @Bean
    Deliveries deliveries(JdbcTemplate jdbc) {
        return new Deliveries(jdbc);
    }

    @Bean
    NotificationConsumer notificationConsumer(KafkaConnectionDetails kafka, Deliveries deliveries, JdbcTemplate jdbc,
                                              PlatformTransactionManager transactions, NotificationSettings settings,
                                              Scheduler notificationsDatabase) {
        String bootstrapServers = String.join(",", kafka.getBootstrapServers());
        return new NotificationConsumer(() -> new EventSubscriber(bootstrapServers),
                new NotificationPlanner(new JdbcSubjectFacts(jdbc), settings.maxEventAge()), deliveries,
                new TransactionTemplate(transactions), clock, notificationsDatabase);
    }

    /** {@code illajwala.notifications.lag}: the events the consumer group has still to take, measured at most every 5 s. */
    @Bean(destroyMethod = "close")
    ConsumerLag notificationLag(KafkaConnectionDetails kafka, ObjectProvider<MeterRegistry> meters) {
        ConsumerLag lag = new ConsumerLag(String.join(",", kafka.getBootstrapServers()));
        meters.ifAvailable(registry -> Gauge.builder("illajwala.notifications.lag", lag,
                        measure -> measure.recent(NotificationConsumer.GROUP, NotificationConsumer.TOPICS, Duration.ofSeconds(5)))
                .description("Events the notification consumer group is behind the topics").baseUnit("events").register(registry));
        return lag;
    }

    @Bean
    ChannelSenders channelSenders(NotificationSettings settings, WebClient.Builder http) {
        NotificationSettings.Email email = settings.email();
        ChannelSender emailSender = isBlank(email.host()) ? new LoggingSender(NotificationChannel.EMAIL)
                : new SmtpEmailSender(mailSender(email), email.from());
        NotificationSettings.Sms sms = settings.sms();
        ChannelSender smsSender = isBlank(sms.baseUrl()) ? new LoggingSender(NotificationChannel.SMS)
                : new TwilioSmsSender(http, sms.baseUrl(), sms.accountSid(), sms.authToken(), sms.from());
        NotificationSettings.WhatsApp whatsapp = settings.whatsapp();
        ChannelSender whatsappSender = isBlank(whatsapp.baseUrl()) ? new LoggingSender(NotificationChannel.WHATSAPP)
                : new WhatsAppCloudSender(http, whatsapp.baseUrl(), whatsapp.phoneNumberId(), whatsapp.accessToken());
        return new ChannelSenders(List.of(new ResilientSender(emailSender, email.resilience()),
                new ResilientSender(smsSender, sms.resilience()), new ResilientSender(whatsappSender, whatsapp.resilience())));
    }

    @Bean
    DeliveryWorker deliveryWorker(Deliveries deliveries, JdbcTemplate jdbc, Contacts contacts, ChannelSenders senders,
                                  NotificationSettings settings, ObjectProvider<MeterRegistry> meters,
                                  PlatformTransactionManager transactions,
                                  @Value("${illajwala.public-base-url:http://localhost:8080}") String publicBaseUrl,
                                  Scheduler notificationsDatabase) {
        MessageComposer composer = new MessageComposer(new Templates(), contacts, publicBaseUrl,
                address(settings.email().from()), clock);
        return new DeliveryWorker(deliveries, new DailyCaps(jdbc), contacts, composer, senders,
                new DeliveryPolicy(settings.retry(), new Random()), settings, meters.getIfAvailable(SimpleMeterRegistry::new),
                clock, new TransactionTemplate(transactions), notificationsDatabase);
    }

    @Bean
    OutcomeRelay outcomeRelay(KafkaConnectionDetails kafka, Deliveries deliveries, PlatformTransactionManager transactions,
                              @Value("${illajwala.kafka.partitions:6}") int partitions,
                              @Value("${illajwala.kafka.replication-factor:1}") short replicationFactor,
                              Scheduler notificationsDatabase) {
        String bootstrapServers = String.join(",", kafka.getBootstrapServers());
        return new OutcomeRelay(deliveries, new TransactionTemplate(transactions), () -> {
            KafkaTopics.ensureExist(bootstrapServers, partitions, replicationFactor);
            return new EventPublisher(bootstrapServers, "notifications");
        }, OUTCOME_PUBLISH_INTERVAL, clock, notificationsDatabase);
    }

    private static JavaMailSenderImpl mailSender(NotificationSettings.Email email) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost(email.host());
        mail.setPort(email.port());
        mail.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        if (!isBlank(email.username())) {
            mail.setUsername(email.username());
            mail.setPassword(email.password());
            properties.put("mail.smtp.auth", "true");
        }
        properties.put("mail.smtp.starttls.enable", String.valueOf(email.starttls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(email.starttls()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        mail.setJavaMailProperties(properties);
        return mail;
    }

    private static String address(String from) {
        try {
            return new InternetAddress(from, true).getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("illajwala.notifications.email.from is not an address: " + from, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
