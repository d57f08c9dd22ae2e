package se.kundkonto.registry;

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
}
