package se.kundkonto.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One row of the customer registry. The ERP owns this table (or a view with these columns);
 * Keycloak only reads it, hence {@link Immutable}.
 */
@Entity
@Immutable
@Table(name = "customer_registry")
@NamedQueries({
    @NamedQuery(name = RegistryCustomerEntity.COUNT, query = "select count(c) from RegistryCustomerEntity c"),
    @NamedQuery(
            name = RegistryCustomerEntity.COUNT_ACTIVE,
            query = "select count(c) from RegistryCustomerEntity c where c.active = true"),
    @NamedQuery(
            name = RegistryCustomerEntity.COUNT_AMONG,
            query = "select count(c), sum(case when c.active = true then 1 else 0 end) "
                    + "from RegistryCustomerEntity c where c.customerNumber in :numbers"),
    @NamedQuery(
            name = RegistryCustomerEntity.ACTIVE_AFTER,
            query = "select c.customerNumber, c.companyName from RegistryCustomerEntity c "
                    + "where c.active = true and c.customerNumber > :after order by c.customerNumber"),
    @NamedQuery(
            name = RegistryCustomerEntity.ACTIVE_AFTER_MATCHING,
            query =
                    "select c.customerNumber, c.companyName "
                            + "from RegistryCustomerEntity c where c.active = true and c.customerNumber > :after "
                            + "and (lower(c.companyName) like :search escape '!' or c.customerNumber like :search escape '!') order by c.customerNumber")
})
public class RegistryCustomerEntity {

    static final String COUNT = "kundkonto.registry.count";
    static final String COUNT_ACTIVE = "kundkonto.registry.countActive";
    static final String COUNT_AMONG = "kundkonto.registry.countAmong";
    static final String ACTIVE_AFTER = "kundkonto.registry.activeAfter";
    static final String ACTIVE_AFTER_MATCHING = "kundkonto.registry.activeAfterMatching";

    @Id
    @Column(name = "customer_number", length = 12)
    private String customerNumber;

    @Column(name = "org_number", nullable = false, length = 13)
    private String orgNumber;

    @Column(name = "company_name", nullable = false)
    private String companyName;

    @Column(name = "active", nullable = false)
    private boolean active;

    protected RegistryCustomerEntity() {}

    public String getCustomerNumber() {
        return customerNumber;
    }

    public String getOrgNumber() {
        return orgNumber;
    }

    public String getCompanyName() {
        return companyName;
    }

    public boolean isActive() {
        return active;
    }
}
