package se.kundkonto.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import se.kundkonto.customer.CustomerNumber;
import se.kundkonto.customer.CustomerRecord;
import se.kundkonto.customer.OrgNumber;

/** Reads customers from the registry's persistence unit. Never writes. */
public final class CustomerRegistry {

    private static final Logger LOG = Logger.getLogger(CustomerRegistry.class);

    private final EntityManager em;

    public CustomerRegistry(EntityManager em) {
        this.em = em;
    }

    public Optional<CustomerRecord> find(CustomerNumber number) {
        RegistryCustomerEntity row = em.find(RegistryCustomerEntity.class, number.value());
        if (row == null) {
            return Optional.empty();
        }
        Optional<OrgNumber> org = OrgNumber.parse(row.getOrgNumber());
        if (org.isEmpty()) {
            // A registry row we cannot check digits against is treated as unknown, and said so once in the log.
            LOG.warnf("Customer %s has no valid organisation number in the registry; it cannot be verified", number);
            return Optional.empty();
        }
        return Optional.of(new CustomerRecord(number, row.getCompanyName(), org.get(), row.isActive()));
    }

    public long count() {
        return em.createNamedQuery(RegistryCustomerEntity.COUNT, Long.class).getSingleResult();
    }

    public RegistryCensus census() {
        return new RegistryCensus(
                count(),
                em.createNamedQuery(RegistryCustomerEntity.COUNT_ACTIVE, Long.class)
                        .getSingleResult());
    }

    /** How many of {@code numbers} are registry customers, and how many of those are active. */
    public RegistryCensus censusAmong(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return new RegistryCensus(0, 0);
        }
        Object[] row = em.createNamedQuery(RegistryCustomerEntity.COUNT_AMONG, Object[].class)
                .setParameter("numbers", numbers)
                .getSingleResult();
        return new RegistryCensus(number(row[0]), number(row[1]));
    }

    /**
     * Up to {@code limit} active customers with a number after {@code after}, by number; with a LIKE
     * {@code pattern} (escape character {@code !}, lower case) only those whose company name or number matches.
     */
    public List<RegistryListing> activeAfter(String after, String pattern, int limit) {
        var query = em.createNamedQuery(
                        pattern == null
                                ? RegistryCustomerEntity.ACTIVE_AFTER
                                : RegistryCustomerEntity.ACTIVE_AFTER_MATCHING,
                        Object[].class)
                .setParameter("after", after == null ? "" : after);
        if (pattern != null) {
            query.setParameter("search", pattern);
        }
        return query.setMaxResults(limit).getResultList().stream()
                .map(row -> new RegistryListing((String) row[0], (String) row[1]))
                .toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue(); // SUM over no rows is NULL
    }
}
